// Connection profiles, their store in a real INI file, and the merged settings of the
// all-nodes dialog.
#include <QTemporaryDir>
#include <QTest>
#include <omview/console/connectionprofile.h>
#include <omview/console/profilestore.h>
#include <omview/console/settingsaggregate.h>

using namespace Qt::StringLiterals;
using omview::ConnectionProfile;
using omview::ProfileStore;

class TestProfiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ConnectionProfile sshProfile() {
        auto target = omview::SshTarget::fromDestination(u"root@127.0.0.1:2222"_s);
        target->identityFile = u"/root/.ssh/id_ed25519"_s;
        target->knownHostsFile = m_dir.filePath(u"known_hosts"_s);
        target->readConfig = false;
        return ConnectionProfile::overSsh(*target, u"lab"_s);
    }

private slots:
    void descriptions() {
        QCOMPARE(ConnectionProfile::localSocket().description(),
                 u"local socket /run/omview/omagentd.sock"_s);
        QCOMPARE(ConnectionProfile::localSocket().name,
                 u"local socket /run/omview/omagentd.sock"_s);
        QCOMPARE(sshProfile().description(), u"root@127.0.0.1:2222"_s);
        QVERIFY(!sshProfile().problem());
    }

    void mapRoundTrip() {
        for (const ConnectionProfile &p :
             {ConnectionProfile::localSocket(u"/tmp/a.sock"_s, u"here"_s), sshProfile()}) {
            const auto back = ConnectionProfile::fromMap(p.toMap());
            QVERIFY2(back, back ? "" : qPrintable(back.error()));
            QCOMPARE(*back, p);
        }
    }

    void badMapsNameTheKey_data() {
        QTest::addColumn<QVariantMap>("map");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << QVariantMap{{u"kind"_s, u"local"_s}, {u"socket"_s, u"/a"_s}}
                                 << u"name"_s;
        QTest::newRow("unknown key")
            << QVariantMap{{u"name"_s, u"x"_s}, {u"kind"_s, u"local"_s}, {u"sokcet"_s, u"/a"_s}}
            << u"sokcet"_s;
        QTest::newRow("bad kind") << QVariantMap{{u"name"_s, u"x"_s}, {u"kind"_s, u"rsh"_s}}
                                  << u"kind"_s;
        QTest::newRow("no socket")
            << QVariantMap{{u"name"_s, u"x"_s}, {u"kind"_s, u"local"_s}} << u"socket"_s;
        QTest::newRow("bad port") << QVariantMap{{u"name"_s, u"x"_s},
                                                 {u"kind"_s, u"ssh"_s},
                                                 {u"ssh"_s, QVariantMap{{u"host"_s, u"n1"_s},
                                                                        {u"port"_s, 70000}}}}
                                  << u"port"_s;
        QTest::newRow("no ssh") << QVariantMap{{u"name"_s, u"x"_s}, {u"kind"_s, u"ssh"_s}}
                                << u"ssh"_s;
    }

    void badMapsNameTheKey() {
        QFETCH(QVariantMap, map);
        QFETCH(QString, expected);
        const auto p = ConnectionProfile::fromMap(map);
        QVERIFY(!p);
        QVERIFY2(p.error().contains(expected), qPrintable(p.error()));
    }

    void storeKeepsProfiles() {
        const QString file = m_dir.filePath(u"store.ini"_s);
        {
            QSettings settings(file, QSettings::IniFormat);
            ProfileStore store(settings);
            QVERIFY(store.profiles().isEmpty());
            QVERIFY(store.lastUsed().isEmpty());
            QVERIFY(store.save(sshProfile()));
            QVERIFY(store.save(ConnectionProfile::localSocket(u"/tmp/a.sock"_s, u"here"_s)));
            store.setLastUsed(u"lab"_s);
        }
        // Read back by another QSettings, as the next run of the console does.
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        const auto profiles = store.profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).name, u"here"_s); // sorted by name
        QCOMPARE(profiles.at(1), sshProfile());
        QCOMPARE(store.lastUsed(), u"lab"_s);
        QCOMPARE(store.profile(u"lab"_s), std::optional<ConnectionProfile>(sshProfile()));

        // Saving under an existing name replaces it.
        auto changed = sshProfile();
        changed.ssh.port = 2200;
        QVERIFY(store.save(changed));
        QCOMPARE(store.profiles().size(), 2);
        QCOMPARE(store.profile(u"lab"_s)->ssh.port, std::optional<quint16>(2200));

        // An unusable profile is refused and nothing changes.
        auto bad = sshProfile();
        bad.ssh.host = u"no such host with spaces"_s;
        const auto refused = store.save(bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"lab"_s), qPrintable(refused.error()));
        QCOMPARE(store.profile(u"lab"_s)->ssh.port, std::optional<quint16>(2200));
        ConnectionProfile unnamed = ConnectionProfile::localSocket(u"/a"_s, u" "_s);
        QVERIFY(!store.save(unnamed));

        QVERIFY(store.remove(u"lab"_s));
        QVERIFY(!store.remove(u"lab"_s));
        QCOMPARE(store.profiles().size(), 1);
        QVERIFY(store.lastUsed().isEmpty()); // it was removed
    }

    // Config → Use SSH: the SSH profile used last, else the first; unchecked, the first
    // local one, else the default socket.
    void preferredProfiles() {
        const QString file = m_dir.filePath(u"preferred.ini"_s);
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        QVERIFY(!store.preferredSsh());
        QCOMPARE(store.preferredLocal(), ConnectionProfile::localSocket());
        auto other = sshProfile();
        other.name = u"aaa"_s;
        QVERIFY(store.save(sshProfile()));
        QVERIFY(store.save(other));
        QVERIFY(store.save(ConnectionProfile::localSocket(u"/tmp/a.sock"_s, u"here"_s)));
        QCOMPARE(store.preferredSsh()->name, u"aaa"_s); // none used yet: the first
        QCOMPARE(store.preferredLocal().name, u"here"_s);
        store.setLastUsed(u"lab"_s);
        QCOMPARE(store.preferredSsh()->name, u"lab"_s);
        store.setLastUsed(u"here"_s); // a local one used since: SSH still means "lab"
        QCOMPARE(store.preferredSsh()->name, u"lab"_s);
        QVERIFY(store.remove(u"lab"_s));
        QCOMPARE(store.preferredSsh()->name, u"aaa"_s);
    }

    // An entry edited by hand into nonsense is skipped; the others load, and saving
    // keeps it as it was.
    void storeSkipsABrokenEntry() {
        const QString file = m_dir.filePath(u"broken.ini"_s);
        {
            QSettings settings(file, QSettings::IniFormat);
            ProfileStore store(settings);
            QVERIFY(store.save(ConnectionProfile::localSocket(u"/tmp/a.sock"_s, u"a"_s)));
            QVERIFY(store.save(ConnectionProfile::localSocket(u"/tmp/b.sock"_s, u"b"_s)));
            settings.setValue(u"connections/profiles/1/kind"_s, u"telnet"_s);
        }
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(settings);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"skipping connection profile 1 .*telnet"_s));
        const auto loaded = store.profiles();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().name, u"b"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipping.*"_s));
        QVERIFY(store.save(ConnectionProfile::localSocket(u"/tmp/c.sock"_s, u"c"_s)));
        QCOMPARE(settings.value(u"connections/profiles/1/kind"_s).toString(), u"telnet"_s);
        QCOMPARE(store.profiles().size(), 2);
    }

    void aggregateMergesFields() {
        omview::Settings a;
        a.mospe = 1;
        omview::Settings b = a;
        b.mospe = 2;
        b.stay = true;
        b.speed = 20000;
        auto all = omview::SettingsAggregate::of({a, b});
        QCOMPARE(all.nodes, 2);
        QVERIFY(all.stay.mixed && !all.stay.value);
        QVERIFY(all.speed.mixed);
        QCOMPARE(all.block.value, std::optional<bool>(false));
        QCOMPARE(all.participating.value, std::optional<bool>(true));
        QCOMPARE(all.slowDecay.value, std::optional<std::uint32_t>(975));

        // Nothing touched: nothing written.
        QCOMPARE(all.changeTo(all), omview::SettingsChange{});
        // Touched fields are written; mixed ones left mixed are not.
        auto edited = all;
        edited.quiet = omview::Merged<bool>::of(true);
        edited.stay = omview::Merged<bool>::of(false);
        edited.fastDecay = omview::Merged<std::uint32_t>::of(900);
        const auto change = all.changeTo(edited);
        QCOMPARE(change.quiet, std::optional<bool>(true));
        QCOMPARE(change.stay, std::optional<bool>(false));
        QCOMPARE(change.fastDecay, std::optional<std::uint32_t>(900));
        QVERIFY(!change.speed && !change.block && !change.mospe);

        const auto none = omview::SettingsAggregate::of({});
        QCOMPARE(none.nodes, 0);
        QVERIFY(!none.stay.value && !none.stay.mixed);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
