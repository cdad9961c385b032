#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <fcntl.h>
#include <omview/migration/criu.h>

using namespace Qt::StringLiterals;

namespace omview::migration {

QString Criu::program() {
    const QByteArray fromEnv = qgetenv("OMVIEW_CRIU");
    return fromEnv.isEmpty() ? u"criu"_s : QString::fromLocal8Bit(fromEnv);
}

QProcessEnvironment Criu::environment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CRIU_FAULT"_s, u"130"_s);
    return env;
}

QString Criu::firstError(const QString &log) {
    // "(00.289372) Error (criu/protobuf.c:72): Unexpected EOF" → "Unexpected EOF"
    static const QRegularExpression error(uR"(Error \([^)]*\):\s*(.*))"_s);
    for (const QStringView line : QStringView(log).split(u'\n')) {
        const auto match = error.matchView(line);
        if (!match.hasMatch())
            continue;
        const QString text = match.captured(1).trimmed();
        // criu reports this one on every run where it may not raise its own file limit.
        if (text.startsWith(u"rlimit:"_s))
            continue;
        return text;
    }
    return QString();
}

void Criu::run(const QStringList &args, const QString &dir, const QString &logName,
               QObject *context, Done done, const QList<int> &passFds) {
    auto *process = new QProcess(context);
    if (!passFds.isEmpty())
        // criu finds them under the same numbers: only their close-on-exec goes.
        process->setChildProcessModifier([passFds] {
            for (int fd : passFds)
                ::fcntl(fd, F_SETFD, 0);
        });
    process->setProgram(program());
    process->setArguments(args);
    process->setProcessEnvironment(environment());
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Into a file, not a pipe to this agent: an agent that dies mid-dump must not take criu
    // with it (SIGPIPE while its parasite runs inside the process can kill the process).
    // A criu left running finishes, and recover() settles the move after it.
    const QString outputFile = dir + u'/' + logName + u".out"_s;
    process->setStandardOutputFile(outputFile);
    QObject::connect(process, &QProcess::finished, context,
                     [process, dir, logName, outputFile, done](int code,
                                                               QProcess::ExitStatus status) {
                         QByteArray output;
                         if (QFile out(outputFile); out.open(QIODevice::ReadOnly))
                             output = out.read(64 * 1024);
                         QFile::remove(outputFile);
                         process->deleteLater();
                         QFile logFile(dir + u'/' + logName);
                         QString log;
                         if (logFile.open(QIODevice::ReadOnly))
                             log = QString::fromUtf8(logFile.readAll());
                         CriuOutcome outcome;
                         outcome.ok = status == QProcess::NormalExit && code == 0;
                         outcome.log = log;
                         if (!outcome.ok) {
                             outcome.error = firstError(log);
                             if (outcome.error.isEmpty())
                                 outcome.error = QString::fromUtf8(output).trimmed();
                             if (outcome.error.isEmpty())
                                 outcome.error = status == QProcess::NormalExit
                                                     ? u"criu exited with %1"_s.arg(code)
                                                     : u"criu crashed"_s;
                         }
                         done(std::move(outcome));
                     });
    QObject::connect(
        process, &QProcess::errorOccurred, context, [process, done](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return;
            process->deleteLater();
            done(CriuOutcome{false, u"cannot run %1: %2"_s.arg(program(), process->errorString()),
                             QString()});
        });
    process->start();
}

void Criu::dump(pid_t pid, const QString &dir, QObject *context, Done done) {
    run({u"dump"_s, u"-t"_s, QString::number(pid), u"-D"_s, dir, u"-o"_s, u"dump.log"_s, u"-v2"_s,
         u"--leave-stopped"_s, u"--file-locks"_s},
        dir, u"dump.log"_s, context, std::move(done));
}

void Criu::restore(const QString &dir, QObject *context, Done done,
                   const QList<InheritedPipe> &pipes) {
    QStringList args{u"restore"_s,
                     u"-D"_s,
                     dir,
                     u"-o"_s,
                     u"restore.log"_s,
                     u"-v2"_s,
                     u"-d"_s,
                     u"--leave-stopped"_s,
                     u"--file-locks"_s,
                     u"--pidfile"_s,
                     dir + u"/restored.pid"_s};
    QList<int> fds;
    for (const InheritedPipe &p : pipes) {
        args << u"--inherit-fd"_s << u"fd[%1]:pipe:[%2]"_s.arg(p.fd).arg(p.inode);
        fds.append(p.fd);
    }
    run(args, dir, u"restore.log"_s, context, std::move(done), fds);
}

pid_t Criu::readPidFile(const QString &dir) {
    QFile f(dir + u"/restored.pid"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return pid_t(f.readAll().trimmed().toInt());
}

} // namespace omview::migration
