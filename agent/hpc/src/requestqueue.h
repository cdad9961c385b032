// RequestQueue: migration requests waiting for the agent, at most one per process.
#pragma once

#include <QList>
#include <omview/hpc/hpctypes.h>

namespace omview::hpc {

// The requests queue's rules: a newer request for a PID replaces the queued one in place, and
// no more than capacity() requests wait.
class RequestQueue {
public:
    static constexpr qsizetype defaultCapacity = 256;
    enum class Push { Queued, Replaced, Full };

    explicit RequestQueue(qsizetype capacity = defaultCapacity)
        : m_capacity(capacity) {}

    Push push(const HpcRequest &request);
    bool contains(Pid pid) const;
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    qsizetype capacity() const { return m_capacity; }
    QList<HpcRequest> takeAll();

private:
    qsizetype m_capacity;
    QList<HpcRequest> m_items;
};

} // namespace omview::hpc
