// The order of a proxy's rows, kept so that one row coming or going costs far less than the
// whole list: a tick of a large cluster removes rows one source signal at a time, by the
// thousand, and a vector would move every row behind each of them.
#pragma once

#include <QtGlobal>
#include <cstdint>
#include <span>
#include <vector>

namespace omview::procs {

// A sequence of ids (small integers, each at most once), stored in blocks of a few hundred:
// position → id in O(log n), id → position, inserting and removing in O(√n). An id knows
// its block, not its place in it (found by a scan of the block): the ids of a sorted list
// are scattered, and renumbering those behind each edit would touch memory all over.
class RowSequence {
public:
    using Id = std::uint32_t;

    void assign(std::span<const Id> ids);
    void clear();
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // @position must be in [0, size()).
    Id at(qsizetype position) const;
    // -1 when @id is not in the sequence.
    qsizetype indexOf(Id id) const;
    bool contains(Id id) const { return id < m_handleOf.size() && m_handleOf[id] != NoBlock; }
    // None of @ids may be in the sequence yet.
    void insert(qsizetype position, std::span<const Id> ids);
    void remove(qsizetype position, qsizetype count);
    std::vector<Id> toVector() const;
    // Blocks shrink as rows go and never merge: assign() again when this grows far above
    // size() / the block size.
    qsizetype blockCount() const { return qsizetype(m_blocks.size()); }

    // @f(id) for each id from @first on, @count of them, without a search per id.
    template<class F> void forEach(qsizetype first, qsizetype count, F &&f) const {
        if (count <= 0)
            return;
        std::size_t b = blockAt(first);
        std::size_t offset = std::size_t(first - m_starts[b]);
        for (; count > 0; ++b, offset = 0) {
            const std::vector<Id> &ids = m_blocks[b].ids;
            for (; offset < ids.size() && count > 0; ++offset, --count)
                f(ids[offset]);
        }
    }

private:
    static constexpr std::uint32_t NoBlock = UINT32_MAX;

    struct Block {
        std::vector<Id> ids;
        // Stable while the block lives, unlike its index: what ids refer to.
        std::uint32_t handle;
    };

    std::size_t blockAt(qsizetype position) const;
    std::uint32_t newHandle();
    // Recomputes starts and handle indexes from block @from on.
    void renumber(std::size_t from);
    void adopt(std::size_t block, std::size_t from, std::size_t to);
    void split(std::size_t block);

    std::vector<Block> m_blocks;
    std::vector<qsizetype> m_starts;            // per block: the position of its first id
    std::vector<std::uint32_t> m_blockOfHandle; // per handle: its block's index
    std::vector<std::uint32_t> m_freeHandles;
    std::vector<std::uint32_t> m_handleOf; // per id: its block's handle, or NoBlock
    qsizetype m_size = 0;
};

} // namespace omview::procs
