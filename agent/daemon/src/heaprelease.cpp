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
    ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(LargeMessageBytes));
}

} // namespace omview::agent
