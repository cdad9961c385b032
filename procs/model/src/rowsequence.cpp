#include "rowsequence.h"

#include <algorithm>

namespace omview::procs {

namespace {

// Edits and lookups cost about one block plus one entry per block: near √n for the 10⁵ rows
// of a large cluster.
constexpr std::size_t BlockSize = 256;

} // namespace

void RowSequence::clear() {
    m_blocks.clear();
    m_starts.clear();
    m_blockOfHandle.clear();
    m_freeHandles.clear();
    std::ranges::fill(m_handleOf, NoBlock);
    m_size = 0;
}

void RowSequence::assign(std::span<const Id> ids) {
    clear();
    m_blocks.reserve(ids.size() / BlockSize + 1);
    for (std::size_t first = 0; first < ids.size(); first += BlockSize) {
        const std::size_t last = std::min(ids.size(), first + BlockSize);
        m_blocks.push_back({{ids.begin() + first, ids.begin() + last}, newHandle()});
    }
    m_size = qsizetype(ids.size());
    renumber(0);
    for (std::size_t b = 0; b < m_blocks.size(); ++b)
        adopt(b, 0, m_blocks[b].ids.size());
}

std::uint32_t RowSequence::newHandle() {
    if (!m_freeHandles.empty()) {
        const std::uint32_t handle = m_freeHandles.back();
        m_freeHandles.pop_back();
        return handle;
    }
    m_blockOfHandle.push_back(0);
    return std::uint32_t(m_blockOfHandle.size() - 1);
}

void RowSequence::renumber(std::size_t from) {
    m_starts.resize(m_blocks.size());
    qsizetype start = from == 0 ? 0 : m_starts[from - 1] + qsizetype(m_blocks[from - 1].ids.size());
    for (std::size_t b = from; b < m_blocks.size(); ++b) {
        m_starts[b] = start;
        start += qsizetype(m_blocks[b].ids.size());
        m_blockOfHandle[m_blocks[b].handle] = std::uint32_t(b);
    }
}

void RowSequence::adopt(std::size_t block, std::size_t from, std::size_t to) {
    const Block &b = m_blocks[block];
    for (std::size_t i = from; i < to; ++i) {
        const Id id = b.ids[i];
        if (id >= m_handleOf.size())
            m_handleOf.resize(std::max<std::size_t>(id + 1, m_handleOf.size() * 2), NoBlock);
        m_handleOf[id] = b.handle;
    }
}

std::size_t RowSequence::blockAt(qsizetype position) const {
    const auto it = std::ranges::upper_bound(m_starts, position);
    return std::size_t(it - m_starts.begin()) - 1;
}

RowSequence::Id RowSequence::at(qsizetype position) const {
    Q_ASSERT(position >= 0 && position < m_size);
    const std::size_t b = blockAt(position);
    return m_blocks[b].ids[std::size_t(position - m_starts[b])];
}

qsizetype RowSequence::indexOf(Id id) const {
    if (!contains(id))
        return -1;
    const std::size_t b = m_blockOfHandle[m_handleOf[id]];
    const std::vector<Id> &ids = m_blocks[b].ids;
    return m_starts[b] + qsizetype(std::ranges::find(ids, id) - ids.begin());
}

void RowSequence::split(std::size_t block) {
    std::vector<Id> &ids = m_blocks[block].ids;
    std::vector<Block> tail;
    for (std::size_t first = BlockSize; first < ids.size(); first += BlockSize) {
        const std::size_t last = std::min(ids.size(), first + BlockSize);
        tail.push_back({{ids.begin() + first, ids.begin() + last}, newHandle()});
    }
    ids.resize(BlockSize);
    m_blocks.insert(m_blocks.begin() + block + 1, std::make_move_iterator(tail.begin()),
                    std::make_move_iterator(tail.end()));
    for (std::size_t b = block + 1; b <= block + tail.size(); ++b)
        adopt(b, 0, m_blocks[b].ids.size());
}

void RowSequence::insert(qsizetype position, std::span<const Id> ids) {
    Q_ASSERT(position >= 0 && position <= m_size);
    if (ids.empty())
        return;
    if (m_blocks.empty()) {
        m_blocks.push_back({{}, newHandle()});
        renumber(0);
    }
    // At the end: into the last block rather than a new one.
    const std::size_t b = position == m_size ? m_blocks.size() - 1 : blockAt(position);
    std::vector<Id> &into = m_blocks[b].ids;
    const std::size_t offset = std::size_t(position - m_starts[b]);
    into.insert(into.begin() + offset, ids.begin(), ids.end());
    m_size += qsizetype(ids.size());
    adopt(b, offset, offset + ids.size());
    if (into.size() > 2 * BlockSize)
        split(b);
    renumber(b);
}

void RowSequence::remove(qsizetype position, qsizetype count) {
    Q_ASSERT(position >= 0 && count >= 0 && position + count <= m_size);
    if (count == 0)
        return;
    const std::size_t firstBlock = blockAt(position);
    std::size_t b = firstBlock;
    std::size_t offset = std::size_t(position - m_starts[b]);
    std::size_t emptied = 0;
    while (count > 0) {
        std::vector<Id> &ids = m_blocks[b].ids;
        const std::size_t n = std::min(ids.size() - offset, std::size_t(count));
        for (std::size_t i = offset; i < offset + n; ++i)
            m_handleOf[ids[i]] = NoBlock;
        ids.erase(ids.begin() + offset, ids.begin() + offset + n);
        if (ids.empty())
            ++emptied;
        count -= qsizetype(n);
        m_size -= qsizetype(n);
        ++b;
        offset = 0;
    }
    if (emptied) {
        const auto gone = std::ranges::remove_if(m_blocks.begin() + firstBlock,
                                                 m_blocks.begin() + b, [this](const Block &block) {
                                                     if (!block.ids.empty())
                                                         return false;
                                                     m_freeHandles.push_back(block.handle);
                                                     return true;
                                                 });
        m_blocks.erase(gone.begin(), gone.end());
    }
    renumber(std::min(firstBlock, m_blocks.size()));
}

std::vector<RowSequence::Id> RowSequence::toVector() const {
    std::vector<Id> out;
    out.reserve(std::size_t(m_size));
    for (const Block &b : m_blocks)
        out.insert(out.end(), b.ids.begin(), b.ids.end());
    return out;
}

} // namespace omview::procs
