#include "requestqueue.h"

#include <algorithm>

namespace omview::hpc {

RequestQueue::Push RequestQueue::push(const HpcRequest &request) {
    const auto it = std::find_if(m_items.begin(), m_items.end(),
                                 [&](const HpcRequest &r) { return r.pid == request.pid; });
    if (it != m_items.end()) {
        *it = request;
        return Push::Replaced;
    }
    if (m_items.size() >= m_capacity)
        return Push::Full;
    m_items.append(request);
    return Push::Queued;
}

bool RequestQueue::contains(Pid pid) const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [pid](const HpcRequest &r) { return r.pid == pid; });
}

QList<HpcRequest> RequestQueue::takeAll() {
    return std::exchange(m_items, {});
}

} // namespace omview::hpc
