// Who may use the socket: a child process that drops to user nobody before it connects, so
// the agent sees real foreign credentials through SO_PEERCRED.
#include "testagent.h"

#include <QSignalSpy>
#include <QTest>
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <omview/agent/agentserver.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace omview::agent;
using namespace omview::agent::test;

namespace {

// Exit codes of the child.
enum ChildResult {
    Refused = 0,   // a -32003 error line, then the connection closed
    Admitted = 10, // hello answered
    ConnectFailed = 3,
    Unexpected = 4,
    DropFailed = 5,
};

// Forks a client that becomes @uid with only group @gid, connects to @path, says hello and
// reports what came back. Only async-signal-safe calls in the child: the parent has threads.
pid_t spawnClient(const QByteArray &path, uid_t uid, gid_t gid) {
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::alarm(20);
    if (::setgroups(0, nullptr) < 0 || ::setgid(gid) < 0 || ::setuid(uid) < 0)
        ::_exit(DropFailed);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.constData(), static_cast<size_t>(path.size()));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) < 0)
        ::_exit(ConnectFailed);
    static const char hello[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{"
                                "\"protocol\":1,\"client\":\"nobody\"}}\n";
    if (::write(fd, hello, sizeof hello - 1) < 0)
        ::_exit(Unexpected);
    static char buf[8192];
    size_t got = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf + got, sizeof buf - 1 - got);
        if (n <= 0)
            break;
        got += static_cast<size_t>(n);
        buf[got] = '\0';
        if (std::strstr(buf, "\"result\""))
            ::_exit(Admitted);
    }
    buf[got] = '\0';
    ::_exit(std::strstr(buf, "-32003") ? Refused : Unexpected);
}

// Waits for the child while the agent (same thread) keeps serving.
int waitChild(pid_t pid) {
    int status = 0;
    for (int i = 0; i < 1000; ++i) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        QTest::qWait(20);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -2;
}

gid_t groupId(const char *name) {
    const group *g = ::getgrnam(name);
    return g ? g->gr_gid : static_cast<gid_t>(-1);
}

constexpr uid_t Nobody = 65534;

} // namespace

class TestAccess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (::geteuid() != 0)
            QSKIP("needs root to switch a child to user nobody");
        QVERIFY(::getpwuid(Nobody));
        QVERIFY(groupId("daemon") != static_cast<gid_t>(-1));
        QVERIFY(groupId("nogroup") != static_cast<gid_t>(-1));
    }

    void socketIsGroupReadWriteOnly() {
        TestAgent agent([](AgentConfig &c) { c.adminGroup = u"daemon"_s; });
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(agent.socketPath()).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(st.st_mode & 07777, 0660u);
        QCOMPARE(st.st_gid, groupId("daemon"));
        QCOMPARE(st.st_uid, 0u);
    }

    void nonMemberIsRefusedByCredentials() {
        // The child holds the socket's group as its process group (so connect(2) passes the
        // file mode) but nobody is not a member of it: SO_PEERCRED must refuse it.
        TestAgent agent([](AgentConfig &c) { c.adminGroup = u"daemon"_s; });
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        QSignalSpy refused(&agent.agent().server(), &AgentServer::refused);
        const pid_t child =
            spawnClient(QFile::encodeName(agent.socketPath()), Nobody, groupId("daemon"));
        QCOMPARE(waitChild(child), int(Refused));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains(u"uid 65534"_s));
        // The agent goes on serving others.
        LineClient root;
        QVERIFY(root.connectTo(agent.socketPath()));
        QCOMPARE(root.hello().value(u"protocol"_s).toInt(), 1);
    }

    void othersCannotEvenConnect() {
        TestAgent agent([](AgentConfig &c) { c.adminGroup = u"daemon"_s; });
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        const pid_t child =
            spawnClient(QFile::encodeName(agent.socketPath()), Nobody, groupId("nogroup"));
        QCOMPARE(waitChild(child), int(ConnectFailed));
    }

    void memberIsAdmitted() {
        // nogroup is nobody's own group in the user database.
        TestAgent agent([](AgentConfig &c) { c.adminGroup = u"nogroup"_s; });
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        const pid_t child =
            spawnClient(QFile::encodeName(agent.socketPath()), Nobody, groupId("nogroup"));
        QCOMPARE(waitChild(child), int(Admitted));
    }

    void secondAgentOnTheSameSocketIsRefused() {
        TestAgent first;
        QVERIFY2(first.ok(), qPrintable(first.error()));
        AgentConfig c = first.agent().config();
        c.gossipPort = TestAgent::freePort();
        c.channelPort = c.gossipPort;
        const auto second = Agent::start(c);
        QVERIFY(!second);
        QVERIFY(second.error().message.contains(first.socketPath()));
        // The first one still serves.
        LineClient client;
        QVERIFY(client.connectTo(first.socketPath()));
        QCOMPARE(client.hello().value(u"node"_s).toInt(), 1);
    }

    void staleSocketFileIsReplaced() {
        QTemporaryDir dir;
        const QString path = dir.path() + u"/stale.sock"_s;
        {
            // A socket file nobody listens on, as a crashed agent leaves it.
            const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un addr{};
            addr.sun_family = AF_UNIX;
            const QByteArray p = QFile::encodeName(path);
            std::memcpy(addr.sun_path, p.constData(), static_cast<size_t>(p.size()));
            QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr), 0);
            ::close(fd);
        }
        TestAgent agent([&](AgentConfig &c) { c.socketPath = path; });
        QVERIFY2(agent.ok(), qPrintable(agent.error()));
        LineClient client;
        QVERIFY(client.connectTo(path));
        QCOMPARE(client.hello().value(u"protocol"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
