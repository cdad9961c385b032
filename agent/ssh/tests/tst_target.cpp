// SshTarget and SshProfile: destinations, validation, shell quoting of the
// bridge command, and the QSettings round trip through a real INI file.
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <omview/ssh/sshprofile.h>
#include <omview/ssh/sshtarget.h>

using namespace omview;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestTarget : public QObject {
    Q_OBJECT

private slots:
    void destinations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port"); // -1: unset
        QTest::newRow("host") << u"node1"_s << QString() << u"node1"_s << -1;
        QTest::newRow("user@host") << u"root@node1"_s << u"root"_s << u"node1"_s << -1;
        QTest::newRow("host:port") << u"node1:2222"_s << QString() << u"node1"_s << 2222;
        QTest::newRow("all") << u" admin@10.0.0.5:22 "_s << u"admin"_s << u"10.0.0.5"_s << 22;
        QTest::newRow("url") << u"ssh://root@node2:2200/"_s << u"root"_s << u"node2"_s << 2200;
        QTest::newRow("ipv6 bare") << u"fe80::1"_s << QString() << u"fe80::1"_s << -1;
        QTest::newRow("ipv6 port") << u"root@[::1]:2222"_s << u"root"_s << u"::1"_s << 2222;
        QTest::newRow("user with @") << u"a@corp@node"_s << u"a@corp"_s << u"node"_s << -1;
    }
    void destinations() {
        QFETCH(QString, text);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        const auto target = SshTarget::fromDestination(text);
        QVERIFY2(target.has_value(), qPrintable(target ? QString() : target.error()));
        QCOMPARE(target->user, user);
        QCOMPARE(target->host, host);
        QCOMPARE(target->port.has_value(), port >= 0);
        if (port >= 0)
            QCOMPARE(int(*target->port), port);
        QVERIFY(!target->problem());
        // destination() gives back something that parses to the same.
        const auto again = SshTarget::fromDestination(target->destination());
        QVERIFY(again.has_value());
        QCOMPARE(*again, *target);
    }

    void badDestinations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QString() << u"no host"_s;
        QTest::newRow("port zero") << u"node:0"_s << u"1..65535"_s;
        QTest::newRow("port too big") << u"node:70000"_s << u"1..65535"_s;
        QTest::newRow("port text") << u"node:ssh"_s << u"\"ssh\""_s;
        QTest::newRow("empty port") << u"node:"_s << u"empty port"_s;
        QTest::newRow("empty user") << u"@node"_s << u"empty user"_s;
        QTest::newRow("space") << u"no de"_s << u"spaces"_s;
        QTest::newRow("bracket") << u"[::1"_s << u"unmatched"_s;
        QTest::newRow("after bracket") << u"[::1]x"_s << u"after ']'"_s;
        QTest::newRow("option") << u"-oProxyCommand=x"_s << u"starts with '-'"_s;
        QTest::newRow("comma") << u"a,b"_s << u"','"_s;
    }
    void badDestinations() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto target = SshTarget::fromDestination(text);
        QVERIFY(!target.has_value());
        QVERIFY2(target.error().contains(mentions), qPrintable(target.error()));
    }

    void problems_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no host") << u"host"_s << u"no host"_s;
        QTest::newRow("port 0") << u"port"_s << u"port 0"_s;
        QTest::newRow("user") << u"user"_s << u"user"_s;
        QTest::newRow("relative socket") << u"agentSocket"_s << u"absolute path"_s;
        QTest::newRow("no bridge") << u"bridgeCommand"_s << u"bridge command"_s;
        QTest::newRow("jump") << u"proxyJump"_s << u"proxy jump"_s;
        QTest::newRow("timeout") << u"connectTimeout"_s << u"timeout"_s;
        QTest::newRow("keepalive") << u"keepaliveCountMax"_s << u"keepalive"_s;
        QTest::newRow("newline") << u"identityFile"_s << u"control characters"_s;
    }
    void problems() {
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        SshTarget t;
        t.host = u"node1"_s;
        QVERIFY(!t.problem());
        if (field == u"host")
            t.host.clear();
        else if (field == u"port")
            t.port = 0;
        else if (field == u"user")
            t.user = u"ro ot"_s;
        else if (field == u"agentSocket")
            t.agentSocket = u"run/omagentd.sock"_s;
        else if (field == u"bridgeCommand")
            t.bridgeCommand = u"  "_s;
        else if (field == u"proxyJump")
            t.proxyJump = u"bastion:99999"_s;
        else if (field == u"connectTimeout")
            t.connectTimeout = 0ms;
        else if (field == u"keepaliveCountMax")
            t.keepaliveCountMax = 0;
        else if (field == u"identityFile")
            t.identityFile = u"/tmp/key\n"_s;
        const auto why = t.problem();
        QVERIFY(why.has_value());
        QVERIFY2(why->contains(mentions), qPrintable(*why));
    }

    void accessDecidesWhatIsChecked() {
        SshTarget t;
        t.host = u"node1"_s;
        t.access = AgentAccess::Socket;
        t.bridgeCommand.clear(); // not used by the socket route
        QVERIFY(!t.problem());
        t.access = AgentAccess::Auto;
        QVERIFY(t.problem().has_value());
    }

    void proxyJumpNoneIsAllowed() {
        SshTarget t;
        t.host = u"node1"_s;
        t.proxyJump = u"none"_s;
        QVERIFY(!t.problem());
        t.proxyJump = u"admin@bastion:2222,jump2"_s;
        QVERIFY(!t.problem());
    }

    void bridgeCommandLine() {
        SshTarget t;
        t.host = u"node1"_s;
        QCOMPARE(t.bridgeCommandLine(), u"omagentd --bridge"_s);
        t.agentSocket = u"/tmp/x/omagentd.sock"_s;
        QCOMPARE(t.bridgeCommandLine(), u"omagentd --bridge --socket /tmp/x/omagentd.sock"_s);
        t.agentSocket = u"/tmp/it's here; rm -rf /"_s;
        QCOMPARE(t.bridgeCommandLine(),
                 u"omagentd --bridge --socket '/tmp/it'\\''s here; rm -rf /'"_s);
        t.bridgeCommand = u"sudo -n /usr/sbin/omagentd --bridge"_s;
        t.agentSocket = SshTarget::DefaultAgentSocket;
        QCOMPARE(t.bridgeCommandLine(), u"sudo -n /usr/sbin/omagentd --bridge"_s);
    }

    void shellQuoting() {
        QCOMPARE(shellQuoted(u"plain/path-1.sock"_s), u"plain/path-1.sock"_s);
        QCOMPARE(shellQuoted(QString()), u"''"_s);
        QCOMPARE(shellQuoted(u"a b"_s), u"'a b'"_s);
        QCOMPARE(shellQuoted(u"$(x)"_s), u"'$(x)'"_s);
        QCOMPARE(shellQuoted(u"'"_s), u"''\\'''"_s);
    }

    void mapRoundTrip() {
        SshTarget t;
        t.host = u"node1"_s;
        t.port = 2222;
        t.user = u"admin"_s;
        t.identityFile = u"/home/admin/.ssh/id_ed25519"_s;
        t.useSshAgent = false;
        t.proxyJump = u"bastion"_s;
        t.knownHostsFile = u"/tmp/kh"_s;
        t.access = AgentAccess::Bridge;
        t.agentSocket = u"/run/other.sock"_s;
        t.bridgeCommand = u"/usr/sbin/omagentd --bridge"_s;
        t.connectTimeout = 5s;
        t.keepaliveInterval = 0ms;
        t.keepaliveCountMax = 5;
        const auto back = SshTarget::fromMap(t.toMap());
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error()));
        QCOMPARE(*back, t);
    }

    void badMaps_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port text") << u"port"_s << QVariant(u"ssh"_s) << u"port"_s;
        QTest::newRow("port range") << u"port"_s << QVariant(0) << u"1..65535"_s;
        QTest::newRow("flag") << u"useSshAgent"_s << QVariant(u"maybe"_s) << u"true or false"_s;
        QTest::newRow("access") << u"access"_s << QVariant(u"telnet"_s)
                                << u"auto, socket or bridge"_s;
        QTest::newRow("host type")
            << u"host"_s << QVariant(QStringList{u"a"_s, u"b"_s}) << u"text"_s;
        QTest::newRow("host value") << u"host"_s << QVariant(u"a b"_s) << u"spaces"_s;
    }
    void badMaps() {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QFETCH(QString, mentions);
        SshTarget t;
        t.host = u"node1"_s;
        QVariantMap map = t.toMap();
        map.insert(key, value);
        const auto back = SshTarget::fromMap(map);
        QVERIFY(!back.has_value());
        QVERIFY2(back.error().contains(mentions), qPrintable(back.error()));
    }

    void profileTargets() {
        SshProfile profile;
        profile.name = u"lab"_s;
        profile.entryNodes = {u"node1"_s, u"admin@node2:2200"_s};
        profile.settings.user = u"root"_s;
        profile.settings.port = 22;
        profile.settings.access = AgentAccess::Socket;
        QVERIFY(!profile.problem());
        const auto targets = profile.targets();
        QVERIFY(targets.has_value());
        QCOMPARE(targets->size(), 2);
        QCOMPARE(targets->at(0).destination(), u"root@node1:22"_s);
        QCOMPARE(targets->at(1).destination(), u"admin@node2:2200"_s);
        QCOMPARE(targets->at(1).access, AgentAccess::Socket);
    }

    void profileProblems() {
        SshProfile profile;
        profile.entryNodes = {u"node1"_s};
        QVERIFY(profile.problem()->contains(u"no name"_s));
        profile.name = u"lab"_s;
        profile.entryNodes.clear();
        QVERIFY(profile.problem()->contains(u"no entry node"_s));
        profile.entryNodes = {u"node1"_s, u"node 2"_s};
        QVERIFY2(profile.problem()->contains(u"node 2"_s), qPrintable(*profile.problem()));
    }

    // What the console does: one profile per group in a real INI file.
    void profileThroughQSettings() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"omview.conf"_s);
        SshProfile profile;
        profile.name = u"lab"_s;
        profile.entryNodes = {u"node1:2222"_s};
        profile.settings.useSshAgent = false;
        profile.settings.keepaliveInterval = 5s;
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(u"profiles/lab"_s, profile.toMap());
        }
        QSettings settings(file, QSettings::IniFormat);
        const auto back = SshProfile::fromMap(settings.value(u"profiles/lab"_s).toMap());
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error()));
        QCOMPARE(*back, profile);

        // A hand-edited file with a bad value is refused with the key named.
        QVariantMap broken = profile.toMap();
        QVariantMap shared = broken.value(u"settings"_s).toMap();
        shared.insert(u"keepaliveCountMax"_s, u"many"_s);
        broken.insert(u"settings"_s, shared);
        const auto refused = SshProfile::fromMap(broken);
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().contains(u"keepaliveCountMax"_s), qPrintable(refused.error()));
    }
};

QTEST_GUILESS_MAIN(TestTarget)
#include "tst_target.moc"
