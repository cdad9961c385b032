// The write side of the history store: one writer thread that owns the only
// read-write connection, writes one transaction per tick and, between ticks,
// rolls seconds up into minutes and hours and prunes expired rows in small
// batches.
#pragma once

#include <QFuture>
#include <QString>
#include <chrono>
#include <cstdint>
#include <memory>
#include <omview/store/storeerror.h>
#include <omview/store/types.h>
#include <optional>

namespace omview::store {

// How long each tier keeps its rows (netdata's defaults).
struct Retention {
    std::chrono::seconds raw{14 * 86400};
    std::chrono::seconds minute{90 * 86400};
    std::chrono::seconds hour{730 * 86400};
    std::chrono::seconds processes{14 * 86400}; // process snapshots, and migrations
    bool operator==(const Retention &) const = default;
};

// What a power cut may cost. Full fsyncs every tick's commit, so at most the
// tick being written is lost. Normal syncs only at WAL checkpoints: cheaper,
// but a power cut can lose every tick since the last checkpoint (seconds to
// minutes). Neither can corrupt the file, and an application crash (kill -9)
// loses nothing committed in either.
enum class Durability { Full, Normal };

struct WriterOptions {
    QString path; // created when missing
    Retention retention;
    Durability durability = Durability::Full;
    // After a failed write (disk full, I/O error) ticks are dropped and the
    // next tick after this interval is tried again.
    std::chrono::milliseconds retryInterval{10000};
    // With no tick for this long, the last partial minute is rolled up too.
    std::chrono::milliseconds idleRollup{90000};
    // Ticks waiting for the writer beyond this are refused by submit().
    int maxQueuedTicks = 300;
    // A maintenance step (rollup batch, prune batch) touches at most about
    // this many rows, so ticks never wait long behind it.
    int batchRows = 5000;
};

struct WriterStatus {
    enum class State {
        Writing, // ticks are being written
        Paused,  // the last write failed: ticks are dropped until a retry succeeds
        Closed,
    };
    State state = State::Writing;
    std::optional<StoreError> error; // why it is Paused
    std::int64_t ticksWritten = 0;
    std::int64_t ticksDropped = 0;        // while Paused
    std::optional<std::int64_t> lastTick; // t of the newest tick in the database
    int queued = 0;
    bool operator==(const WriterStatus &) const = default;
};

QString stateName(WriterStatus::State state); // "writing", "paused", "closed"

// Owns the writer thread. All methods are thread-safe; results come back as
// QFutures (attach continuations with a context object to get them on a
// thread of your choice).
class StoreWriter {
public:
    // Opens (creating or upgrading) the database, takes the writer lock (one
    // writer per file) and starts the thread.
    static StoreResult<std::unique_ptr<StoreWriter>> open(const WriterOptions &options);
    ~StoreWriter(); // close()

    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    // Queues a tick; never blocks on I/O. Refused with InvalidArgument (and
    // nothing queued) when t is not after the previous tick's, a node ID is 0
    // or above 65535, a node or a pid within a node appears twice, or a
    // migration has no ID or a node outside 1..65535; with Busy when the
    // queue is full.
    StoreResult<void> submit(Tick tick);

    // Records a checkpoint at t with a label (1..200 characters, no control
    // characters).
    QFuture<StoreResult<Checkpoint>> addCheckpoint(std::int64_t t, const QString &label);
    // Finishes when everything queued before it has been written (or dropped:
    // then it carries the error that paused the writer).
    QFuture<StoreResult<void>> flush();
    // Like flush(), and also runs every rollup and prune that is due.
    QFuture<StoreResult<void>> catchUp();

    WriterStatus status() const;
    const QString &path() const;

    // Writes what is queued, stops the thread and closes the database.
    void close();

private:
    class Thread;
    explicit StoreWriter(std::unique_ptr<Thread> thread);
    std::unique_ptr<Thread> m_thread;
};

} // namespace omview::store
