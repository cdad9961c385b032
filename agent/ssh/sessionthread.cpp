#include "sessionthread.h"

#include "sshsession.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QSet>
#include <QThread>

namespace omview {

namespace {

QMutex runningMutex;
QSet<QThread *> running; // guarded by runningMutex
bool waitInstalled = false;

// Runs in QCoreApplication's destructor: a session still freeing its socket
// finishes instead of being cut off by the process exit. A thread stuck in
// name resolution is not waited for longer than this.
void waitForSessionThreads() {
    QList<QThread *> threads;
    {
        const QMutexLocker lock(&runningMutex);
        threads = running.values();
    }
    const QDeadlineTimer deadline(2000);
    for (QThread *thread : threads)
        thread->wait(deadline);
}

} // namespace

void startSessionThread(SshSession *session, const QString &name) {
    auto *thread = new QThread;
    thread->setObjectName(name);
    session->moveToThread(thread);
    QObject::connect(thread, &QThread::started, session, &SshSession::start);
    QObject::connect(session, &SshSession::finished, thread, &QThread::quit, Qt::DirectConnection);
    QObject::connect(thread, &QThread::finished, session, &QObject::deleteLater);
    QObject::connect(
        thread, &QThread::finished, thread,
        [thread] {
            const QMutexLocker lock(&runningMutex);
            running.remove(thread);
        },
        Qt::DirectConnection);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    {
        const QMutexLocker lock(&runningMutex);
        running.insert(thread);
        if (!waitInstalled && QCoreApplication::instance()) {
            qAddPostRoutine(waitForSessionThreads);
            waitInstalled = true;
        }
    }
    thread->start();
}

} // namespace omview
