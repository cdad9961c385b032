#include "sshlab.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace omview::test {

ProcessResult runProgram(const QString &program, const QStringList &arguments,
                         const QByteArray &input, const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(5000))
        return result;
    result.started = true;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(2000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

std::optional<KeyPair> makeKey(const QString &path) {
    QFile::remove(path);
    QFile::remove(path + u".pub"_s);
    const auto made =
        runProgram(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s,
                                     u"omview-test"_s, u"-f"_s, path});
    if (!made.ok()) {
        qWarning("ssh-keygen failed: %s", made.err.constData());
        return std::nullopt;
    }
    QFile pub(path + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly))
        return std::nullopt;
    KeyPair key{path, pub.fileName(), QString::fromUtf8(pub.readAll()).trimmed(), {}};
    const auto listed =
        runProgram(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, key.publicFile});
    const QStringList words = QString::fromUtf8(listed.out).split(u' ', Qt::SkipEmptyParts);
    if (!listed.ok() || words.size() < 2 || !words[1].startsWith(u"SHA256:"))
        return std::nullopt;
    key.fingerprint = words[1];
    return key;
}

quint16 freeTcpPort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp; // the agent's gossip uses the same number over UDP
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

namespace {

QList<qint64> childrenOf(qint64 pid) {
    QList<qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The command name in parentheses may hold spaces: fields follow its ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == pid)
            children.append(candidate);
    }
    return children;
}

} // namespace

void signalTree(qint64 pid, int signal) {
    if (pid <= 0)
        return;
    QList<qint64> all{pid};
    for (qsizetype i = 0; i < all.size(); ++i)
        all += childrenOf(all[i]);
    for (qint64 p : all)
        ::kill(pid_t(p), signal);
}

TransportRecorder::TransportRecorder(SshTransport &transport) {
    QObject::connect(&transport, &SshTransport::connectionStateChanged, &transport,
                     [this](SshState state) { states.append(state); });
    QObject::connect(&transport, &Transport::stateChanged, &transport,
                     [this](Transport::State state) { transportStates.append(state); });
    QObject::connect(&transport, &SshTransport::hostKeyUnknown, &transport,
                     [this](const HostKeyPrompt &prompt) { hostKeys.append(prompt); });
    QObject::connect(&transport, &SshTransport::credentialsRequested, &transport,
                     [this](const CredentialsPrompt &prompt) { credentials.append(prompt); });
    QObject::connect(&transport, &Transport::errorOccurred, &transport,
                     [this](const QString &message) { errors.append(message); });
    QObject::connect(&transport, &Transport::lineReceived, &transport,
                     [this](const QByteArray &line) { lines.append(line); });
    QObject::connect(&transport, &SshTransport::promptWithdrawn, &transport,
                     [this] { ++withdrawn; });
}

void dieWithTheTest(QProcess &process) {
    // A crashed test must not leave servers behind on the machine.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

bool runningAsRoot() {
    return ::geteuid() == 0;
}

Sshd::Sshd(const QString &dir, Options options)
    : m_options(std::move(options)) {
    m_port = freeTcpPort();
    m_dir = dir + u"/sshd-%1"_s.arg(m_port);
    QDir().mkpath(m_dir);
    const auto key = makeKey(m_dir + u"/host_ed25519"_s);
    if (!key) {
        m_error = u"cannot make the host key"_s;
        return;
    }
    m_hostKey = *key;
    m_config = m_dir + u"/sshd_config"_s;
    QFile config(m_config);
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write %1"_s.arg(m_config);
        return;
    }
    const auto yesNo = [](bool b) {
        return b ? "yes" : "no";
    };
    QByteArray text;
    text += "Port " + QByteArray::number(m_port) + "\n";
    text += "ListenAddress 127.0.0.1\n";
    text += "HostKey " + QFile::encodeName(m_hostKey.privateFile) + "\n";
    text += "PidFile " + QFile::encodeName(m_dir) + "/sshd.pid\n";
    text += "AuthorizedKeysFile " + QFile::encodeName(m_options.authorizedKeys) + "\n";
    // The lab lives below /tmp, which is world-writable.
    text += "StrictModes no\n";
    text += QByteArray("UsePAM ") + yesNo(m_options.kbdint) + "\n";
    text += "PermitRootLogin yes\n";
    text += "PubkeyAuthentication yes\n";
    text += QByteArray("PasswordAuthentication ") + yesNo(m_options.password) + "\n";
    text += QByteArray("KbdInteractiveAuthentication ") + yesNo(m_options.kbdint) + "\n";
    text += QByteArray("AllowStreamLocalForwarding ") + yesNo(m_options.streamLocal) + "\n";
    text += "AllowTcpForwarding yes\n";
    // Tests fail logins on purpose and reconnect quickly from one address.
    text += "PerSourcePenalties no\n";
    text += "MaxStartups 100\n";
    text += "MaxAuthTries 20\n";
    text += "LoginGraceTime 30\n";
    text += "LogLevel VERBOSE\n";
    config.write(text);
}

Sshd::~Sshd() {
    stop();
}

bool Sshd::start() {
    if (!m_error.isEmpty())
        return false;
    if (running())
        return true;
    // Privilege separation needs this directory; a fresh root lacks it.
    QDir().mkpath(u"/run/sshd"_s);
    ::chmod("/run/sshd", 0755);
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_log += m_process->readAll(); });
    dieWithTheTest(*m_process);
    m_process->start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, m_config});
    if (!m_process->waitForStarted(5000)) {
        m_error = u"cannot start sshd: %1"_s.arg(m_process->errorString());
        return false;
    }
    const bool listening = QTest::qWaitFor(
        [this] {
            return m_log.contains("Server listening on") ||
                   m_process->state() == QProcess::NotRunning;
        },
        10000);
    if (!listening || m_process->state() == QProcess::NotRunning) {
        m_error = u"sshd did not start: %1"_s.arg(QString::fromUtf8(m_log));
        return false;
    }
    return true;
}

bool Sshd::running() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

void Sshd::signalAll(int signal) {
    if (running())
        signalTree(m_process->processId(), signal);
}

void Sshd::stop() {
    if (!running())
        return;
    signalAll(SIGCONT);
    signalAll(SIGKILL);
    m_process->waitForFinished(5000);
    m_process.reset();
}

QString Sshd::knownHostsLine() const {
    const QStringList words = m_hostKey.publicLine.split(u' ');
    return u"[127.0.0.1]:%1 %2 %3"_s.arg(m_port).arg(words.value(0), words.value(1));
}

SshAgent::SshAgent(const QString &socketPath)
    : m_socket(socketPath) {}

SshAgent::~SshAgent() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
    }
}

bool SshAgent::start() {
    QFile::remove(m_socket);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    dieWithTheTest(m_process);
    m_process.start(u"ssh-agent"_s, {u"-D"_s, u"-a"_s, m_socket});
    if (!m_process.waitForStarted(5000)) {
        m_error = u"cannot start ssh-agent: %1"_s.arg(m_process.errorString());
        return false;
    }
    if (!QTest::qWaitFor([this] { return QFileInfo::exists(m_socket); }, 5000)) {
        m_error = u"ssh-agent did not create %1"_s.arg(m_socket);
        return false;
    }
    return true;
}

bool SshAgent::add(const QString &privateKeyFile) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSH_AUTH_SOCK"_s, m_socket);
    const auto added = runProgram(u"ssh-add"_s, {privateKeyFile}, {}, environment);
    if (!added.ok())
        m_error = u"ssh-add failed: %1"_s.arg(QString::fromUtf8(added.err));
    return added.ok();
}

EchoAgent::EchoAgent(const QString &socketPath) {
    QLocalServer::removeServer(socketPath);
    m_server.setSocketOptions(QLocalServer::WorldAccessOption);
    if (!m_server.listen(socketPath))
        return;
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server.nextPendingConnection()) {
            ++m_connections;
            auto buffer = std::make_shared<QByteArray>();
            connect(peer, &QLocalSocket::readyRead, this, [this, peer, buffer] {
                *buffer += peer->readAll();
                for (qsizetype nl = buffer->indexOf('\n'); nl >= 0; nl = buffer->indexOf('\n')) {
                    const QByteArray line = buffer->left(nl);
                    buffer->remove(0, nl + 1);
                    received.append(line);
                    peer->write(line + '\n');
                }
            });
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
        }
    });
}

QString AgentProcess::binary() {
#ifdef OMAGENTD_PATH
    const QString path = QStringLiteral(OMAGENTD_PATH);
    return QFileInfo(path).isExecutable() ? path : QString();
#else
    return {};
#endif
}

AgentProcess::AgentProcess(const QString &dir)
    : m_dir(dir + u"/agent"_s)
    , m_socket(m_dir + u"/omagentd.sock"_s) {}

AgentProcess::~AgentProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool AgentProcess::start() {
    const QString program = binary();
    if (program.isEmpty()) {
        m_error = u"omagentd is not built"_s;
        return false;
    }
    QDir().mkpath(m_dir);
    const auto write = [](const QString &path, const QByteArray &content) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    const QString config = m_dir + u"/omagentd.conf"_s;
    const QString map = m_dir + u"/openmosix.map"_s;
    const QString key = m_dir + u"/cluster.key"_s;
    if (!write(config, {}) || !write(map, "1 127.0.0.1 1\n") ||
        !write(key, "omview ssh test cluster key, long enough to be a key\n")) {
        m_error = u"cannot write the agent's files in %1"_s.arg(m_dir);
        return false;
    }
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    const QString port = QString::number(freeTcpPort());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, &m_process,
                     [this] { m_log += m_process.readAll(); });
    dieWithTheTest(m_process);
    m_process.start(program, {u"--config"_s, config, u"--hpc"_s, u"emulated"_s, u"--socket"_s,
                              m_socket, u"--map"_s, map, u"--cluster-key"_s, key, u"--node-id"_s,
                              u"1"_s, u"--admin-group"_s, u"nogroup"_s, u"--gossip-port"_s, port,
                              u"--channel-port"_s, port});
    if (!m_process.waitForStarted(5000)) {
        m_error = u"cannot start omagentd: %1"_s.arg(m_process.errorString());
        return false;
    }
    const bool up = QTest::qWaitFor(
        [this] { return QFileInfo::exists(m_socket) || m_process.state() == QProcess::NotRunning; },
        10000);
    if (!up || m_process.state() == QProcess::NotRunning) {
        m_error = u"omagentd did not create %1 (exit code %2): %3"_s.arg(m_socket)
                      .arg(m_process.exitCode())
                      .arg(QString::fromUtf8(m_log));
        return false;
    }
    return true;
}

SshLab::SshLab() {
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory"_s;
        return;
    }
    // sshd's sessions run as root, the password test's as another user.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    QDir(m_dir.path()).mkpath(u"dotssh"_s);
    const auto client = makeKey(path(u"client_ed25519"_s));
    const auto wrong = makeKey(path(u"wrong_ed25519"_s));
    if (!client || !wrong) {
        m_error = u"cannot make client keys with ssh-keygen"_s;
        return;
    }
    m_client = *client;
    m_wrong = *wrong;
    QFile keys(authorizedKeys());
    if (!keys.open(QIODevice::WriteOnly) || keys.write(m_client.publicLine.toUtf8() + '\n') < 0)
        m_error = u"cannot write authorized_keys"_s;
}

SshTarget SshLab::target(const Sshd &sshd, const QString &knownHosts,
                         const QString &agentSocket) const {
    SshTarget t;
    t.host = u"127.0.0.1"_s;
    t.port = sshd.port();
    t.user = u"root"_s;
    t.identityFile = m_client.privateFile;
    t.useSshAgent = false;
    t.readConfig = false;
    t.sshDirectory = path(u"dotssh"_s);
    t.knownHostsFile = path(knownHosts);
    t.agentSocket = agentSocket;
    t.connectTimeout = std::chrono::seconds(10);
    return t;
}

QString SshLab::writeKnownHosts(const QString &name, const QStringList &lines) const {
    QFile file(path(name));
    if (file.open(QIODevice::WriteOnly))
        file.write((lines.join(u'\n') + u'\n').toUtf8());
    return file.fileName();
}

} // namespace omview::test
