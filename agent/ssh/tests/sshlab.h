// Test support: a real sshd on loopback with generated keys, a real ssh-agent,
// and the agent's end of the forwarded socket (a line echo, or the real omagentd).
#pragma once

#include <QByteArray>
#include <QList>
#include <QLocalServer>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <omview/ssh/sshtarget.h>
#include <omview/ssh/sshtransport.h>
#include <optional>

namespace omview::test {

// A program's outcome, for the helpers that run ssh-keygen and friends.
struct ProcessResult {
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return started && exitCode == 0; }
};
ProcessResult
runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// A key pair made by ssh-keygen (ed25519, no passphrase).
struct KeyPair {
    QString privateFile;
    QString publicFile;
    QString publicLine;  // "ssh-ed25519 AAAA... comment"
    QString fingerprint; // "SHA256:...", from ssh-keygen -lf
};
std::optional<KeyPair> makeKey(const QString &path);

// A TCP port on 127.0.0.1 nothing listens on right now.
quint16 freeTcpPort();
// Makes the process get SIGKILL when the test process dies, however it dies.
void dieWithTheTest(QProcess &process);
// Sends a signal to a process and all its descendants (found through /proc).
void signalTree(qint64 pid, int signal);

// An sshd -D on 127.0.0.1 with its own host key, config and pid file.
class Sshd {
public:
    struct Options {
        bool password = false;   // PasswordAuthentication (UsePAM no)
        bool kbdint = false;     // KbdInteractiveAuthentication through PAM
        bool streamLocal = true; // AllowStreamLocalForwarding
        QString authorizedKeys;  // the file with the client keys
    };

    Sshd(const QString &dir, Options options);
    ~Sshd();

    // Starts it (again, on the same port and host key) and waits until it listens.
    bool start();
    // Ends it and every session it forked.
    void stop();
    // The listener and its sessions.
    void signalAll(int signal);
    bool running() const;

    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    const KeyPair &hostKey() const { return m_hostKey; }
    // The known_hosts line for this server: "[127.0.0.1]:port ssh-ed25519 AAAA...".
    QString knownHostsLine() const;
    QString log() const { return QString::fromUtf8(m_log); }

private:
    QString m_dir;
    Options m_options;
    quint16 m_port = 0;
    KeyPair m_hostKey;
    QString m_config;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QString m_error;
};

// A real ssh-agent on a socket in the lab, holding keys added with ssh-add.
class SshAgent {
public:
    explicit SshAgent(const QString &socketPath);
    ~SshAgent();
    bool start();
    bool add(const QString &privateKeyFile);
    QString socketPath() const { return m_socket; }
    QString error() const { return m_error; }

private:
    QString m_socket;
    QProcess m_process;
    QString m_error;
};

// The agent's end for transport tests: echoes every line back as it came.
class EchoAgent : public QObject {
public:
    explicit EchoAgent(const QString &socketPath);
    bool listening() const { return m_server.isListening(); }
    QString socketPath() const { return m_server.fullServerName(); }
    int connections() const { return m_connections; }
    QList<QByteArray> received;

private:
    QLocalServer m_server;
    int m_connections = 0;
};

// The real omagentd (emulated /proc/hpc) on a private socket, when the build has it.
class AgentProcess {
public:
    static QString binary(); // empty when the daemon is not built
    explicit AgentProcess(const QString &dir);
    ~AgentProcess();
    bool start();
    QString socketPath() const { return m_socket; }
    QString error() const { return m_error; }

private:
    QString m_dir;
    QString m_socket;
    QProcess m_process;
    QByteArray m_log;
    QString m_error;
};

// A lab directory with a client key, a wrong key, and targets preset to use
// only what the lab provides (no ~/.ssh, no system config, no agent).
class SshLab {
public:
    SshLab();
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    const KeyPair &clientKey() const { return m_client; }
    const KeyPair &wrongKey() const { return m_wrong; }
    QString authorizedKeys() const { return path(QStringLiteral("authorized_keys")); }

    // A target for sshd as root with the client key, an empty ssh directory,
    // known_hosts at `knownHosts` (relative to the lab), the agent's socket at
    // `agentSocket`.
    SshTarget target(const Sshd &sshd, const QString &knownHosts, const QString &agentSocket) const;
    // Writes a known_hosts file with these lines; returns its path.
    QString writeKnownHosts(const QString &name, const QStringList &lines) const;

private:
    QTemporaryDir m_dir;
    KeyPair m_client;
    KeyPair m_wrong;
    QString m_error;
};

// Everything a transport emitted, in order, for assertions.
struct TransportRecorder {
    explicit TransportRecorder(SshTransport &transport);
    QList<SshState> states;
    QList<Transport::State> transportStates;
    QList<HostKeyPrompt> hostKeys;
    QList<CredentialsPrompt> credentials;
    QStringList errors;
    QList<QByteArray> lines;
    int withdrawn = 0;
};

// sshd needs root (privilege separation); the build root runs tests as root.
bool runningAsRoot();

} // namespace omview::test
