// Returning the memory a large answer took to the system once the answer is built.
#pragma once

#include <QtGlobal>

namespace omview::agent {

// Messages at least this long are large enough to leave the heap at its peak size.
inline constexpr qsizetype LargeMessageBytes = 256 * 1024;
// Allocations from this size are mapped afresh, and unmapped when freed (M_MMAP_THRESHOLD).
inline constexpr qsizetype MappedBytes = 4 * 1024 * 1024;
// Free memory the heap's top may keep between two releases (M_TRIM_THRESHOLD).
inline constexpr qsizetype HeapTopBytes = 8 * 1024 * 1024;

// Gives the heap's free pages back to the system once the current event has been handled,
// when the objects it freed are gone. Building an answer of thousands of processes takes
// tens of MB in small blocks; glibc keeps them after they are freed, so without this the
// agent would stay at the size of its largest answer for good. Calls in one event make one
// release.
void releaseFreedHeapSoon();

// Fixes the size from which glibc serves an allocation by mmap (MappedBytes), so that very
// large buffers go back to the system when freed instead of raising that size for good (and
// the heap with it), and how much free memory the heap's top keeps (HeapTopBytes). Buffers
// below MappedBytes come from the heap and are reused: a fresh mapping faults in each of its
// pages, which on this project's VMs made a migration's transfer four times slower. For
// omagentd's main(), before anything is allocated.
void mapLargeAllocations();

} // namespace omview::agent
