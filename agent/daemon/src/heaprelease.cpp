#include "omview/agent/heaprelease.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <malloc.h>

namespace omview::agent {

namespace {

bool releasePending = false;

} // namespace

void releaseFreedHeapSoon() {
    if (releasePending || !QCoreApplication::instance())
        return;
    releasePending = true;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [] {
            releasePending = false;
            ::malloc_trim(0);
        },
        Qt::QueuedConnection);
}

void mapLargeAllocations() {
    ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(MappedBytes));
    // Fixing the mmap threshold also fixes glibc's trim threshold at 128 KiB, so every free
    // at the heap's top would give its pages back and the next buffer fault them in again.
    // The top may keep a few MiB; releaseFreedHeapSoon() returns them after large work.
    ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(HeapTopBytes));
}

} // namespace omview::agent
