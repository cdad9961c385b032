// Returning the memory a large answer took to the system once the answer is built.
#pragma once

#include <QtGlobal>

namespace omview::agent {

// Messages at least this long are large enough to leave the heap at its peak size.
inline constexpr qsizetype LargeMessageBytes = 256 * 1024;

// Gives the heap's free pages back to the system once the current event has been handled,
// when the objects it freed are gone. Building an answer of thousands of processes takes
// tens of MB in small blocks; glibc keeps them after they are freed, so without this the
// agent would stay at the size of its largest answer for good. Calls in one event make one
// release.
void releaseFreedHeapSoon();

// Fixes the size from which glibc serves an allocation by mmap, so that the buffers of large
// messages go back to the system when freed instead of raising that size for good (and the
// heap with it). For omagentd's main(), before anything is allocated.
void mapLargeAllocations();

} // namespace omview::agent
