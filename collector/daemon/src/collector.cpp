#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>
#include <omview/collector/collector.h>
#include <omview/collector/collectorlog.h>
#include <omview/protocol/localsockettransport.h>
#include <omview/store/exporter.h>
#include <unistd.h>

#ifdef OMVIEW_COLLECTOR_SSH
#include <omview/ssh/sshtransport.h>
#endif

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

RpcError storeError(const store::StoreError &error) {
    return RpcError(static_cast<int>(ControlError::StoreFailed), error.message,
                    QJsonObject{{u"kind"_s, store::kindName(error.kind)}});
}

std::optional<QString> makeDirectoryFor(const QString &path, const QString &what) {
    const QString dir = QFileInfo(path).absolutePath();
    if (QDir().mkpath(dir))
        return std::nullopt;
    return u"cannot create the directory %1 for the %2"_s.arg(dir, what);
}

} // namespace

std::function<std::unique_ptr<Transport>()> agentTransport(const CollectorConfig &config) {
#ifdef OMVIEW_COLLECTOR_SSH
    if (!config.sshDestination.isEmpty()) {
        return [config] {
            SshTarget target =
                SshTarget::fromDestination(config.sshDestination).value_or(SshTarget{});
            target.agentSocket = config.agentSocket;
            target.identityFile = config.sshIdentity;
            target.knownHostsFile = config.sshKnownHosts;
            auto transport = std::make_unique<SshTransport>(target);
            SshTransport *raw = transport.get();
            // A daemon has nobody to ask: unknown keys and passwords are refused.
            QObject::connect(raw, &SshTransport::hostKeyUnknown, raw, [raw] {
                qCWarning(lcCollector).noquote()
                    << u"%1: the host key is not known; connect once with ssh to accept it"_s.arg(
                           raw->target().destination());
                raw->rejectHostKey();
            });
            QObject::connect(raw, &SshTransport::credentialsRequested, raw, [raw] {
                qCWarning(lcCollector).noquote()
                    << u"%1: asks for a password or passphrase; the collector needs a key that "
                       u"needs none (or ssh-agent)"_s.arg(raw->target().destination());
                raw->cancelCredentials();
            });
            return std::unique_ptr<Transport>(std::move(transport));
        };
    }
#endif
    return [path = config.agentSocket] {
        return std::unique_ptr<Transport>(std::make_unique<LocalSocketTransport>(path));
    };
}

Collector::Collector(CollectorConfig config)
    : m_config(std::move(config))
    , m_startedAt(QDateTime::currentSecsSinceEpoch()) {}

Collector::~Collector() {
    m_clock.stop();
    m_control.reset();
    m_feed.reset();
    m_reader.reset();
    if (m_writer) {
        m_writer->close();
        qCInfo(lcCollector).noquote() << u"stopped; %1 closed"_s.arg(m_config.database);
    }
}

std::expected<std::unique_ptr<Collector>, QString> Collector::start(const CollectorConfig &config) {
    std::unique_ptr<Collector> c(new Collector(config));
    if (config.databaseIsDefault) {
        if (auto why = makeDirectoryFor(config.database, u"database"_s))
            return std::unexpected(*why);
    }
    store::WriterOptions options;
    options.path = config.database;
    options.retention = config.retention;
    options.durability = config.durability;
    options.retryInterval = config.retryInterval;
    auto writer = store::StoreWriter::open(options);
    if (!writer)
        return std::unexpected(writer.error().message);
    c->m_writer = std::move(*writer);

    if (config.controlSocketIsDefault) {
        if (auto why = makeDirectoryFor(config.controlSocket, u"control socket"_s))
            return std::unexpected(*why);
    }
    auto control = ControlServer::listen(config.controlSocket, *c);
    if (!control)
        return std::unexpected(control.error());
    c->m_control = std::move(*control);

    AgentFeed::Options feed;
    feed.transport = agentTransport(config);
    feed.clientName = u"omcollectord %1"_s.arg(QCoreApplication::applicationVersion());
    feed.processInterval = config.processInterval;
    c->m_feed = std::make_unique<AgentFeed>(std::move(feed));
    Collector *self = c.get();
    connect(c->m_feed.get(), &AgentFeed::updateArrived, self,
            [self] { self->m_clock.noteArrival(QDateTime::currentMSecsSinceEpoch()); });
    connect(&c->m_clock, &TickClock::tick, self, &Collector::onTick);
    c->m_feed->start();
    c->m_clock.start();
    qCInfo(lcCollector).noquote()
        << u"collecting from %1 into %2 (processes %3); control socket %4"_s.arg(
               c->m_feed->status().description, config.database,
               config.processInterval.count() ? u"every %1 s"_s.arg(config.processInterval.count())
                                              : u"off"_s,
               config.controlSocket);
    return c;
}

void Collector::onTick(std::int64_t t) {
    store::Tick tick;
    tick.t = t;
    tick.nodes = m_feed->takeFreshSamples();
    const std::int64_t interval = m_config.processInterval.count();
    if (interval > 0 && t >= m_nextProcessTick) {
        tick.processes = m_feed->processSnapshots();
        if (!tick.processes.isEmpty())
            m_nextProcessTick = (t / interval + 1) * interval;
    }
    tick.migrations = m_feed->takeMigrations();
    m_lastTickNodes = static_cast<int>(tick.nodes.size());
    // Nothing new this second: no row at all (a gap, not a repeated value).
    if (tick.nodes.isEmpty() && tick.processes.isEmpty() && tick.migrations.isEmpty())
        return;
    if (auto done = m_writer->submit(std::move(tick)); !done) {
        if (done.error().message != m_lastSubmitError)
            qCWarning(lcCollector).noquote() << done.error().message;
        m_lastSubmitError = done.error().message;
    } else {
        m_lastSubmitError.clear();
    }
}

CollectorStatus Collector::status() {
    CollectorStatus s;
    const store::WriterStatus w = m_writer->status();
    s.state = store::stateName(w.state);
    s.error = w.error ? w.error->message : QString();
    s.database = m_config.database;
    s.databaseBytes =
        QFileInfo(m_config.database).size() + QFileInfo(m_config.database + u"-wal"_s).size();
    const AgentFeed::Status feed = m_feed->status();
    s.agent = feed.description;
    s.agentState = feed.state;
    s.agentError = feed.error;
    if (feed.node)
        s.agentNode = *feed.node;
    s.nodes = m_lastTickNodes;
    s.processNodes = feed.processNodes;
    s.processIntervalS = static_cast<int>(m_config.processInterval.count());
    s.ticksWritten = w.ticksWritten;
    s.ticksDropped = w.ticksDropped;
    s.lastTick = w.lastTick;
    if (!m_reader) {
        if (auto reader = store::CollectorStore::open(m_config.database))
            m_reader = std::move(*reader);
    }
    if (m_reader) {
        if (auto range = m_reader->range(); range && *range) {
            s.first = (*range)->first;
            s.last = (*range)->last;
        }
    }
    s.retentionRawS = m_config.retention.raw.count();
    s.retentionMinuteS = m_config.retention.minute.count();
    s.retentionHourS = m_config.retention.hour.count();
    s.retentionProcessesS = m_config.retention.processes.count();
    s.pid = ::getpid();
    s.startedAt = m_startedAt;
    return s;
}

void Collector::handleControl(const QString &method, const QJsonValue &params, Reply reply) {
    if (method == control::status) {
        if (auto ok = noParams(params); !ok)
            return reply(std::unexpected(ok.error()));
        reply(QJsonValue(toJson(status())));
    } else if (method == control::checkpoint) {
        checkpoint(params, std::move(reply));
    } else if (method == control::save) {
        save(params, std::move(reply));
    } else if (method == control::stop) {
        if (auto ok = noParams(params); !ok)
            return reply(std::unexpected(ok.error()));
        qCInfo(lcCollector) << "stop requested over the control socket";
        reply(QJsonValue(QJsonObject{}));
        QTimer::singleShot(0, this, &Collector::stopRequested);
    } else {
        reply(std::unexpected(
            RpcError(ErrorCode::MethodNotFound, u"method not found: %1"_s.arg(method))));
    }
}

void Collector::checkpoint(const QJsonValue &params, Reply reply) {
    auto p = checkpointParams(params);
    if (!p)
        return reply(std::unexpected(p.error()));
    const std::int64_t t = p->time.value_or(QDateTime::currentSecsSinceEpoch());
    m_writer->addCheckpoint(t, p->label)
        .then(this, [reply](store::StoreResult<store::Checkpoint> r) {
            if (!r)
                return reply(std::unexpected(storeError(r.error())));
            qCInfo(lcCollector).noquote()
                << u"checkpoint %1 at %2: %3"_s.arg(r->id).arg(r->t).arg(r->label);
            reply(QJsonValue(toJson(CheckpointResult{r->id, r->t, r->label})));
        });
}

void Collector::save(const QJsonValue &params, Reply reply) {
    auto p = saveParams(params);
    if (!p)
        return reply(std::unexpected(p.error()));
    const store::ExportRequest request{p->from, p->to, p->file,
                                       p->format == SaveFormat::Csv ? store::ExportFormat::Csv
                                                                    : store::ExportFormat::Sqlite};
    const QString database = m_config.database;
    // What is queued goes in first, then the copy runs off the event loop.
    m_writer->flush().then(this, [this, request, database, reply](store::StoreResult<void>) {
        auto promise = std::make_shared<QPromise<store::StoreResult<store::ExportResult>>>();
        QFuture<store::StoreResult<store::ExportResult>> done = promise->future();
        promise->start();
        QThreadPool::globalInstance()->start([promise, request, database] {
            promise->addResult(store::exportRange(database, request));
            promise->finish();
        });
        done.then(this, [reply](store::StoreResult<store::ExportResult> r) {
            if (!r)
                return reply(std::unexpected(storeError(r.error())));
            reply(QJsonValue(toJson(SaveResult{r->files, r->nodeRows, r->processRows})));
        });
    });
}

} // namespace omview::collector
