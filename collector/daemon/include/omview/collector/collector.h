// The collector daemon put together: the agent feed, the one-second tick, the
// store writer, and the control socket that checkpoints, saves and stops it.
#pragma once

#include <QObject>
#include <cstdint>
#include <expected>
#include <memory>
#include <omview/collector/agentfeed.h>
#include <omview/collector/collectorconfig.h>
#include <omview/collector/controlserver.h>
#include <omview/collector/tickclock.h>
#include <omview/store/collectorstore.h>
#include <omview/store/storewriter.h>

namespace omview::collector {

class Collector : public QObject, public ControlHandler {
    Q_OBJECT

public:
    // Opens the database and the control socket and starts collecting. The
    // error says what could not be opened (exit status 1).
    static std::expected<std::unique_ptr<Collector>, QString> start(const CollectorConfig &config);
    ~Collector() override; // writes what is queued and closes the database

    CollectorStatus status();

    void handleControl(const QString &method, const QJsonValue &params, Reply reply) override;

signals:
    // `stop` arrived: the owner ends the event loop.
    void stopRequested();

private:
    explicit Collector(CollectorConfig config);
    void onTick(std::int64_t t);
    void checkpoint(const QJsonValue &params, Reply reply);
    void save(const QJsonValue &params, Reply reply);

    CollectorConfig m_config;
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<store::CollectorStore> m_reader; // for status: the database's range
    std::unique_ptr<AgentFeed> m_feed;
    std::unique_ptr<ControlServer> m_control;
    TickClock m_clock;
    std::int64_t m_nextProcessTick = 0;
    int m_lastTickNodes = 0;
    std::int64_t m_startedAt = 0;
    QString m_lastSubmitError;
};

// The transport to the configured agent: the local socket, or SSH when a
// destination is set (and this build has SSH).
std::function<std::unique_ptr<Transport>()> agentTransport(const CollectorConfig &config);

} // namespace omview::collector
