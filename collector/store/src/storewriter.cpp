#include "logging.h"
#include "maintenance.h"
#include "minuteaccumulator.h"
#include "schemaimpl.h"
#include "sqlite.h"
#include "tickwriter.h"
#include "tierplan.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <variant>
#include <vector>

using namespace Qt::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace omview::store {

QString stateName(WriterStatus::State state) {
    switch (state) {
    case WriterStatus::State::Writing:
        return u"writing"_s;
    case WriterStatus::State::Paused:
        return u"paused"_s;
    case WriterStatus::State::Closed:
        return u"closed"_s;
    }
    return u"closed"_s;
}

namespace {

// Maintenance a tick is allowed to wait behind, when ticks queue up.
constexpr auto MaintenanceSlice = std::chrono::milliseconds(50);
// How often an idle writer looks for due maintenance.
constexpr auto MaintenancePoll = std::chrono::seconds(1);
constexpr qsizetype MaxLabelLength = 200;

StoreError invalid(const QString &message) {
    return StoreError{StoreError::Kind::InvalidArgument, message, 0};
}

std::optional<QString> checkTick(const Tick &tick) {
    if (tick.t <= 0)
        return u"tick time %1 is not after the epoch"_s.arg(tick.t);
    // Sorted IDs show duplicates as neighbours; a feed usually sends them sorted.
    std::vector<NodeId> ids;
    ids.reserve(static_cast<size_t>(tick.nodes.size()));
    for (const NodeSample &s : tick.nodes) {
        if (s.node < 1 || s.node > 65535)
            return u"tick %1: node ID %2 is not in 1..65535"_s.arg(tick.t).arg(s.node);
        ids.push_back(s.node);
    }
    if (!std::ranges::is_sorted(ids))
        std::ranges::sort(ids);
    if (const auto twice = std::ranges::adjacent_find(ids); twice != ids.end())
        return u"tick %1: node %2 appears twice"_s.arg(tick.t).arg(*twice);
    ids.clear();
    for (const NodeProcesses &snapshot : tick.processes) {
        if (snapshot.node < 1 || snapshot.node > 65535)
            return u"tick %1: process snapshot of node ID %2, not in 1..65535"_s.arg(tick.t).arg(
                snapshot.node);
        ids.push_back(snapshot.node);
        std::vector<std::int32_t> pids;
        pids.reserve(static_cast<size_t>(snapshot.processes.size()));
        for (const ProcessSample &p : snapshot.processes) {
            if (p.pid < 1)
                return u"tick %1: node %2: pid %3 is not positive"_s.arg(tick.t)
                    .arg(snapshot.node)
                    .arg(p.pid);
            pids.push_back(p.pid);
        }
        std::ranges::sort(pids);
        if (const auto twice = std::ranges::adjacent_find(pids); twice != pids.end())
            return u"tick %1: node %2: pid %3 appears twice"_s.arg(tick.t)
                .arg(snapshot.node)
                .arg(*twice);
    }
    std::ranges::sort(ids);
    if (const auto twice = std::ranges::adjacent_find(ids); twice != ids.end())
        return u"tick %1: two process snapshots of node %2"_s.arg(tick.t).arg(*twice);
    for (const MigrationRecord &m : tick.migrations) {
        if (m.id.isEmpty())
            return u"tick %1: a migration without an ID"_s.arg(tick.t);
        if (m.from < 1 || m.from > 65535 || m.to < 1 || m.to > 65535)
            return u"tick %1: migration %2 from node %3 to %4, not in 1..65535"_s.arg(tick.t)
                .arg(m.id)
                .arg(m.from)
                .arg(m.to);
    }
    return std::nullopt;
}

std::optional<QString> checkLabel(const QString &label) {
    if (label.trimmed().isEmpty())
        return u"a checkpoint needs a label"_s;
    if (label.size() > MaxLabelLength)
        return u"checkpoint label longer than %1 characters"_s.arg(MaxLabelLength);
    for (QChar c : label) {
        if (c.category() == QChar::Other_Control)
            return u"checkpoint label contains a control character"_s;
    }
    return std::nullopt;
}

template<class T> QFuture<T> readyFuture(T value) {
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return future;
}

} // namespace

class StoreWriter::Thread {
public:
    using Command = std::move_only_function<void(Thread &)>;
    using Item = std::variant<Tick, Command>;

    static StoreResult<std::unique_ptr<Thread>> open(const WriterOptions &options);
    ~Thread() { close(); }

    StoreResult<void> submit(Tick tick);
    void post(Command command);
    WriterStatus status() const {
        std::lock_guard lock(m_mutex);
        return m_status;
    }
    const QString &path() const { return m_options.path; }
    void close();

    // Writer-thread side of the commands.
    StoreResult<Checkpoint> insertCheckpoint(std::int64_t t, const QString &label);
    StoreResult<void> pausedError() const;
    void runAllMaintenance();

private:
    explicit Thread(const WriterOptions &options)
        : m_options(options) {}
    StoreResult<void> init();
    void run();
    void process(Item &item);
    void writeTick(const Tick &tick);
    void maintain(bool afterItem);
    Maintenance::Context context();
    void setStatus(const std::function<void(WriterStatus &)> &change) {
        std::lock_guard lock(m_mutex);
        change(m_status);
    }

    WriterOptions m_options;

    // Shared with submitting threads.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    WriterStatus m_status;
    std::int64_t m_lastSubmitted = 0;
    std::thread m_thread;

    // The writer thread's own.
    sql::Database m_db;
    int m_lockFd = -1;
    std::optional<TickWriter> m_ticks;
    std::optional<Maintenance> m_maintenance;
    MinuteAccumulator m_minutes;
    std::int64_t m_lastTick = 0;
    Clock::time_point m_lastTickAt = Clock::now();
    bool m_paused = false;
    Clock::time_point m_retryAt;
    std::int64_t m_droppedSincePause = 0;
    bool m_maintenancePending = true;
    Clock::time_point m_maintenanceRetryAt;
    QString m_lastMaintenanceError;
};

StoreResult<std::unique_ptr<StoreWriter::Thread>>
StoreWriter::Thread::open(const WriterOptions &options) {
    if (options.path.isEmpty())
        return std::unexpected(invalid(u"no database path given"_s));
    if (options.retention.raw.count() < 60 || options.retention.minute.count() < 3600 ||
        options.retention.hour.count() < 86400 || options.retention.processes.count() < 60) {
        return std::unexpected(invalid(
            u"retention too short: raw and processes need at least a minute, minute rows an "
            u"hour, hour rows a day"_s));
    }
    if (options.batchRows < 100 || options.maxQueuedTicks < 1)
        return std::unexpected(invalid(u"batchRows must be >= 100 and maxQueuedTicks >= 1"_s));
    const QFileInfo file(options.path);
    if (!file.absoluteDir().exists()) {
        return std::unexpected(StoreError{
            StoreError::Kind::NotFound,
            u"%1: the directory %2 does not exist"_s.arg(options.path, file.absolutePath()), 0});
    }
    std::unique_ptr<Thread> thread(new Thread(options));
    if (auto done = thread->init(); !done)
        return std::unexpected(done.error());
    thread->m_thread = std::thread([t = thread.get()] { t->run(); });
    return thread;
}

StoreResult<void> StoreWriter::Thread::init() {
    auto db = sql::Database::open(m_options.path, sql::Database::Mode::ReadWriteCreate);
    if (!db)
        return std::unexpected(db.error());
    m_db = std::move(*db);

    // One writer per file: a second collector on the same database would
    // write the same seconds twice. flock() is separate from SQLite's POSIX
    // locks and goes away with the process, however it ends.
    const QByteArray name = QFile::encodeName(m_options.path);
    m_lockFd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (m_lockFd < 0) {
        return std::unexpected(StoreError{
            StoreError::Kind::Io,
            u"%1: cannot open: %2"_s.arg(m_options.path, QString::fromLocal8Bit(strerror(errno))),
            0});
    }
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        return std::unexpected(
            StoreError{StoreError::Kind::Busy,
                       u"%1: another collector is writing this database"_s.arg(m_options.path), 0});
    }

    if (auto version = schema::check(m_db); !version)
        return std::unexpected(version.error());
    if (auto done = schema::configureWriter(m_db, m_options.durability == Durability::Full); !done)
        return done;
    if (auto done = schema::ensure(m_db, SchemaVersion); !done)
        return done;

    auto ticks = TickWriter::prepare(m_db);
    if (!ticks)
        return std::unexpected(ticks.error());
    m_ticks.emplace(std::move(*ticks));
    auto maintenance = Maintenance::prepare(m_db, m_options);
    if (!maintenance)
        return std::unexpected(maintenance.error());
    m_maintenance.emplace(std::move(*maintenance));
    m_maintenance->processesPruned = [this] {
        m_ticks->forgetProcesses();
    };

    auto last = m_db.queryInt("SELECT max(coalesce((SELECT max(t) FROM cluster_raw), 0), "
                              "coalesce((SELECT max(t) FROM proc_snapshots), 0))");
    if (!last)
        return std::unexpected(last.error());
    m_lastTick = last->value_or(0);
    m_lastSubmitted = m_lastTick;
    // The minute of the newest tick holds ticks of an earlier writer.
    m_minutes.startAt(m_lastTick > 0 ? floorTo(m_lastTick, 60) + 60 : 0);
    m_maintenance->setAccumulator(&m_minutes);
    if (m_lastTick > 0)
        m_status.lastTick = m_lastTick;
    qCInfo(lcStore).noquote() << u"writing %1 (schema %2)"_s.arg(m_options.path).arg(SchemaVersion);
    return {};
}

StoreResult<void> StoreWriter::Thread::submit(Tick tick) {
    if (const auto why = checkTick(tick))
        return std::unexpected(invalid(*why));
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return std::unexpected(StoreError{
                StoreError::Kind::Io, u"%1: the writer is closed"_s.arg(m_options.path), 0});
        if (tick.t <= m_lastSubmitted) {
            return std::unexpected(invalid(
                u"tick %1 is not after the previous tick %2 (did the clock go back?)"_s.arg(tick.t)
                    .arg(m_lastSubmitted)));
        }
        if (m_status.queued >= m_options.maxQueuedTicks) {
            return std::unexpected(StoreError{
                StoreError::Kind::Busy,
                u"%1: %2 ticks wait for the writer; tick %3 dropped"_s.arg(m_options.path)
                    .arg(m_status.queued)
                    .arg(tick.t),
                0});
        }
        m_lastSubmitted = tick.t;
        m_queue.emplace_back(std::move(tick));
        ++m_status.queued;
    }
    m_wake.notify_one();
    return {};
}

void StoreWriter::Thread::post(Command command) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.emplace_back(std::move(command));
            command = nullptr;
        }
    }
    if (command) {
        // Closed: run it here; the database is gone, so it reports that.
        command(*this);
        return;
    }
    m_wake.notify_one();
}

void StoreWriter::Thread::close() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && !m_thread.joinable())
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    const bool opened = m_ticks.has_value();
    m_maintenance.reset();
    m_ticks.reset();
    if (m_db.isOpen()) {
        // Refreshes the planner's statistics; only for a database this writer
        // opened fully (a refused file stays as it was).
        if (opened) {
            (void)m_db.exec("PRAGMA optimize");
            // Back to a rollback journal while no collector runs: a reader
            // that may not create the -wal and -shm files (another user's
            // console) can then still open the file read-only. The next
            // writer switches to WAL again. A reader holding the file open
            // keeps it in WAL mode, which is harmless.
            if (auto done = m_db.exec("PRAGMA journal_mode = DELETE"); !done)
                qCInfo(lcStore).noquote() << u"%1 stays in WAL mode: %2"_s.arg(
                    m_options.path, done.error().message);
        }
        m_db = sql::Database();
    }
    if (m_lockFd >= 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
    }
    setStatus([](WriterStatus &s) {
        s.state = WriterStatus::State::Closed;
        s.error.reset();
    });
}

void StoreWriter::Thread::run() {
    for (;;) {
        std::optional<Item> item;
        {
            std::unique_lock lock(m_mutex);
            if (m_queue.empty() && !m_stopping && !m_maintenancePending)
                m_wake.wait_for(lock, MaintenancePoll,
                                [this] { return !m_queue.empty() || m_stopping; });
            if (!m_queue.empty()) {
                item.emplace(std::move(m_queue.front()));
                m_queue.pop_front();
                if (std::holds_alternative<Tick>(*item))
                    --m_status.queued;
            } else if (m_stopping) {
                break;
            }
        }
        if (item)
            process(*item);
        maintain(item.has_value());
    }
}

void StoreWriter::Thread::process(Item &item) {
    if (auto *tick = std::get_if<Tick>(&item))
        writeTick(*tick);
    else
        std::get<Command>(item)(*this);
}

void StoreWriter::Thread::writeTick(const Tick &tick) {
    const auto now = Clock::now();
    if (m_paused && now < m_retryAt) {
        ++m_droppedSincePause;
        setStatus([](WriterStatus &s) { ++s.ticksDropped; });
        return;
    }
    StoreResult<void> done;
    if (auto tx = sql::Transaction::begin(m_db, sql::Transaction::Kind::Immediate); !tx) {
        done = std::unexpected(tx.error());
    } else {
        done = m_ticks->write(tick);
        if (done)
            done = m_maintenance->rewind(tick.t);
        if (done)
            done = tx->commit();
    }
    if (!done) {
        m_ticks->forget();
        ++m_droppedSincePause;
        const bool first = !m_paused;
        m_paused = true;
        m_retryAt = now + m_options.retryInterval;
        StoreError error = done.error();
        error.message = u"tick %1 not written: %2"_s.arg(tick.t).arg(error.message);
        setStatus([&](WriterStatus &s) {
            if (first || !s.error || s.error->kind != error.kind) {
                qCCritical(lcStore).noquote()
                    << u"%1; ticks are dropped until a write succeeds, retrying every %2 s"_s
                           .arg(error.message)
                           .arg(m_options.retryInterval.count() / 1000.0);
            }
            s.state = WriterStatus::State::Paused;
            s.error = error;
            ++s.ticksDropped;
        });
        return;
    }
    if (m_paused) {
        qCInfo(lcStore).noquote() << u"%1: writing again; %2 ticks were dropped"_s
                                         .arg(m_options.path)
                                         .arg(m_droppedSincePause);
        m_paused = false;
        m_droppedSincePause = 0;
        m_maintenanceRetryAt = {};
    }
    m_minutes.add(tick, m_ticks->lastCluster());
    m_lastTick = tick.t;
    m_lastTickAt = now;
    m_maintenancePending = true;
    setStatus([&](WriterStatus &s) {
        s.state = WriterStatus::State::Writing;
        s.error.reset();
        ++s.ticksWritten;
        s.lastTick = tick.t;
    });
}

Maintenance::Context StoreWriter::Thread::context() {
    Maintenance::Context c;
    c.lastTick = m_lastTick;
    c.idle = Clock::now() - m_lastTickAt >= m_options.idleRollup;
    auto nodes = m_ticks->nodeCount();
    c.nodeCount = nodes ? *nodes : 0;
    return c;
}

void StoreWriter::Thread::maintain(bool afterItem) {
    const auto start = Clock::now();
    if (m_paused || start < m_maintenanceRetryAt || m_lastTick == 0) {
        m_maintenancePending = false;
        return;
    }
    if (!m_maintenancePending && afterItem)
        m_maintenancePending = true;
    if (!m_maintenancePending && !(start - m_lastTickAt >= m_options.idleRollup))
        return;
    do {
        auto did = m_maintenance->step(context());
        if (!did) {
            m_ticks->forget();
            if (did.error().message != m_lastMaintenanceError) {
                qCWarning(lcStore).noquote()
                    << u"maintenance (rollup, pruning) failed: %1; trying again in %2 s"_s
                           .arg(did.error().message)
                           .arg(m_options.retryInterval.count() / 1000.0);
                m_lastMaintenanceError = did.error().message;
            }
            m_maintenanceRetryAt = Clock::now() + m_options.retryInterval;
            m_maintenancePending = false;
            return;
        }
        m_lastMaintenanceError.clear();
        if (!*did) {
            m_maintenancePending = false;
            return;
        }
    } while (Clock::now() - start < MaintenanceSlice);
    m_maintenancePending = true;
}

void StoreWriter::Thread::runAllMaintenance() {
    if (!m_maintenance || m_paused || m_lastTick == 0)
        return;
    for (;;) {
        auto did = m_maintenance->step(context());
        if (!did || !*did)
            return;
    }
}

StoreResult<Checkpoint> StoreWriter::Thread::insertCheckpoint(std::int64_t t,
                                                              const QString &label) {
    if (!m_db.isOpen()) {
        return std::unexpected(
            StoreError{StoreError::Kind::Io, u"%1: the writer is closed"_s.arg(m_options.path), 0});
    }
    auto insert = m_db.prepare("INSERT INTO checkpoints(t, label) VALUES (?1, ?2)");
    if (!insert)
        return std::unexpected(insert.error());
    insert->bind(1, t).bind(2, label);
    if (auto done = insert->run(); !done)
        return std::unexpected(done.error());
    return Checkpoint{sqlite3_last_insert_rowid(m_db.handle()), t, label};
}

StoreResult<void> StoreWriter::Thread::pausedError() const {
    if (!m_db.isOpen()) {
        return std::unexpected(
            StoreError{StoreError::Kind::Io, u"%1: the writer is closed"_s.arg(m_options.path), 0});
    }
    std::lock_guard lock(m_mutex);
    if (m_status.state == WriterStatus::State::Paused && m_status.error)
        return std::unexpected(*m_status.error);
    return {};
}

StoreWriter::StoreWriter(std::unique_ptr<Thread> thread)
    : m_thread(std::move(thread)) {}

StoreWriter::~StoreWriter() = default;

StoreResult<std::unique_ptr<StoreWriter>> StoreWriter::open(const WriterOptions &options) {
    auto thread = Thread::open(options);
    if (!thread)
        return std::unexpected(thread.error());
    return std::unique_ptr<StoreWriter>(new StoreWriter(std::move(*thread)));
}

StoreResult<void> StoreWriter::submit(Tick tick) {
    return m_thread->submit(std::move(tick));
}

QFuture<StoreResult<Checkpoint>> StoreWriter::addCheckpoint(std::int64_t t, const QString &label) {
    if (const auto why = checkLabel(label))
        return readyFuture<StoreResult<Checkpoint>>(std::unexpected(invalid(*why)));
    if (t <= 0) {
        return readyFuture<StoreResult<Checkpoint>>(
            std::unexpected(invalid(u"checkpoint time %1 is not after the epoch"_s.arg(t))));
    }
    QPromise<StoreResult<Checkpoint>> promise;
    auto future = promise.future();
    m_thread->post([promise = std::move(promise), t, label](Thread &thread) mutable {
        promise.start();
        promise.addResult(thread.insertCheckpoint(t, label));
        promise.finish();
    });
    return future;
}

QFuture<StoreResult<void>> StoreWriter::flush() {
    QPromise<StoreResult<void>> promise;
    auto future = promise.future();
    m_thread->post([promise = std::move(promise)](Thread &thread) mutable {
        promise.start();
        promise.addResult(thread.pausedError());
        promise.finish();
    });
    return future;
}

QFuture<StoreResult<void>> StoreWriter::catchUp() {
    QPromise<StoreResult<void>> promise;
    auto future = promise.future();
    m_thread->post([promise = std::move(promise)](Thread &thread) mutable {
        promise.start();
        thread.runAllMaintenance();
        promise.addResult(thread.pausedError());
        promise.finish();
    });
    return future;
}

WriterStatus StoreWriter::status() const {
    return m_thread->status();
}

const QString &StoreWriter::path() const {
    return m_thread->path();
}

void StoreWriter::close() {
    m_thread->close();
}

} // namespace omview::store
