// The console UI's non-GUI parts: the speed scale, the terminal command, the command line,
// the nodes pane's sort/filter proxy, the screenshot writer, the icons and the collector's
// command line.
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>
#include <omview/console/collectorcontrol.h>
#include <omview/console/commandline.h>
#include <omview/console/elidedlabel.h>
#include <omview/console/nodefilterproxymodel.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/profilestore.h>
#include <omview/console/screenshotwriter.h>
#include <omview/console/speedscale.h>
#include <omview/console/terminalcommand.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;
using namespace omview;
using omview::uitest::why;

namespace {

NodeRecord record(NodeId id, bool up, std::uint32_t load, std::uint64_t memUsed,
                  const QString &host = {}) {
    NodeRecord r;
    r.node.id = id;
    r.node.address = u"10.0.0.%1"_s.arg(id);
    r.node.hostname = host.isEmpty() ? u"node%1"_s.arg(id) : host;
    r.node.status = up ? (StatusConfigured | StatusUp) : -113;
    r.node.load = load;
    r.node.speed = 10000;
    r.node.cpus = 2;
    r.node.memTotal = 8ull << 30;
    r.node.memUsed = memUsed;
    r.alive = up;
    r.ageMs = up ? 100 : 30000;
    return r;
}

bool writeScript(const QString &path, const QByteArray &body) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("#!/bin/sh\n" + body);
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// The mean colour of the icon's opaque pixels.
QColor inkOf(const QIcon &icon) {
    const QImage image =
        icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    long r = 0, g = 0, b = 0, n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200) {
                r += c.red();
                g += c.green();
                b += c.blue();
                ++n;
            }
        }
    }
    return n ? QColor(int(r / n), int(g / n), int(b / n)) : QColor();
}

} // namespace

class TestLogic : public QObject {
    Q_OBJECT

private slots:
    void speedScale() {
        QCOMPARE(SpeedScale::speedAt(0), 1u);
        QCOMPARE(SpeedScale::speedAt(400), 10000u);
        QCOMPARE(SpeedScale::speedAt(SpeedScale::Positions), 1000000u);
        QCOMPARE(SpeedScale::speedAt(-5), 1u);
        QCOMPARE(SpeedScale::speedAt(9999), 1000000u);
        QCOMPARE(SpeedScale::positionOf(10000), 400);
        QCOMPARE(SpeedScale::positionOf(0), 0);
        QCOMPARE(SpeedScale::positionOf(5000000), SpeedScale::Positions);
        std::uint32_t previous = 0;
        for (int p = 0; p <= SpeedScale::Positions; ++p) {
            const std::uint32_t s = SpeedScale::speedAt(p);
            QVERIFY2(s >= previous, qPrintable(u"position %1"_s.arg(p)));
            // Within the rounding of two significant digits of the exact 10^(p/100).
            const double exact = std::pow(10.0, p / 100.0);
            if (exact >= 10)
                QVERIFY2(std::abs(s - exact) / exact <= 0.05, qPrintable(u"position %1"_s.arg(p)));
            // Two significant digits at most.
            std::uint32_t digits = s;
            while (digits >= 100) {
                QCOMPARE(digits % 10, 0u);
                digits /= 10;
            }
            previous = s;
        }
    }

    void sshArguments() {
        SshTarget t;
        t.host = u"entry"_s;
        t.user = u"admin"_s;
        t.port = 2222;
        t.identityFile = u"/keys/id"_s;
        t.knownHostsFile = u"/keys/known"_s;
        t.readConfig = false;
        t.proxyJump = u"gw"_s;
        const QStringList ssh =
            TerminalCommand::sshArguments(ConnectionProfile::overSsh(t), u"10.0.0.7"_s);
        QCOMPARE(ssh,
                 (QStringList{u"-F"_s, u"none"_s, u"-l"_s, u"admin"_s, u"-p"_s, u"2222"_s, u"-i"_s,
                              u"/keys/id"_s, u"-o"_s, u"UserKnownHostsFile=/keys/known"_s, u"-J"_s,
                              u"gw"_s, u"--"_s, u"10.0.0.7"_s}));
        QCOMPARE(TerminalCommand::sshArguments(ConnectionProfile::localSocket(), u"10.0.0.7"_s),
                 (QStringList{u"--"_s, u"10.0.0.7"_s}));
        // An address that looks like an option stays an address.
        QCOMPARE(
            TerminalCommand::sshArguments(ConnectionProfile::localSocket(), u"-oProxyCommand=x"_s)
                .first(),
            u"--"_s);
    }

    void terminalChoice() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ssh = QStandardPaths::findExecutable(u"ssh"_s);
        QVERIFY2(!ssh.isEmpty(), "the OpenSSH client is needed");
        QVERIFY(QFile::link(ssh, dir.filePath(u"ssh"_s)));
        QProcessEnvironment env;
        env.insert(u"PATH"_s, dir.path());

        // Nothing to run ssh in: a message saying what to do.
        auto none = TerminalCommand::forNode(ConnectionProfile::localSocket(), u"10.0.0.2"_s, env);
        QVERIFY(!none);
        QVERIFY2(none.error().contains(u"$TERMINAL"_s), qPrintable(none.error()));
        // No address: refused.
        QVERIFY(!TerminalCommand::forNode(ConnectionProfile::localSocket(), u" "_s, env));

        QVERIFY(writeScript(dir.filePath(u"xterm"_s), "exit 0\n"));
        auto xterm = TerminalCommand::forNode(ConnectionProfile::localSocket(), u"10.0.0.2"_s, env);
        QVERIFY2(xterm, why(xterm).constData());
        QCOMPARE(xterm->program, dir.filePath(u"xterm"_s));
        QCOMPARE(xterm->arguments,
                 (QStringList{u"-e"_s, dir.filePath(u"ssh"_s), u"--"_s, u"10.0.0.2"_s}));

        QVERIFY(writeScript(dir.filePath(u"gnome-terminal"_s), "exit 0\n"));
        env.insert(u"TERMINAL"_s, u"gnome-terminal --wait"_s);
        auto gnome = TerminalCommand::forNode(ConnectionProfile::localSocket(), u"10.0.0.2"_s, env);
        QVERIFY(gnome);
        QCOMPARE(gnome->arguments.mid(0, 2), (QStringList{u"--wait"_s, u"--"_s}));

        env.insert(u"TERMINAL"_s, u"no-such-terminal"_s);
        auto missing =
            TerminalCommand::forNode(ConnectionProfile::localSocket(), u"10.0.0.2"_s, env);
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(u"no-such-terminal"_s));
    }

    // The command really starts, detached, with the arguments as given.
    void terminalStarts() {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"args"_s);
        QVERIFY(writeScript(dir.filePath(u"term"_s),
                            "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > " +
                                QFile::encodeName(out) + ".tmp && mv " + QFile::encodeName(out) +
                                ".tmp " + QFile::encodeName(out) + "\n"));
        TerminalCommand command{dir.filePath(u"term"_s), {u"-e"_s, u"ssh"_s, u"--"_s, u"a b"_s}};
        const auto pid = command.start();
        QVERIFY2(pid, why(pid).constData());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 20000);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), u"-e\nssh\n--\na b\n"_s);
        const TerminalCommand missing{dir.filePath(u"none"_s), {}};
        QVERIFY(!missing.start());
    }

    void commandLine() {
        const auto ok = ConsoleOptions::parse(
            {u"omview"_s, u"--ssh"_s, u"root@node1:2222"_s, u"-i"_s, u"/k"_s, u"--known-hosts"_s,
             u"/kh"_s, u"--ssh-config"_s, u"none"_s, u"--agent-socket"_s, u"/run/a.sock"_s,
             u"--screenshot"_s, u"/tmp/s.png"_s, u"--screenshot-interval"_s, u"5"_s,
             u"--settings"_s, u"/tmp/o.ini"_s, u"--collector-socket"_s, u"/tmp/c.sock"_s});
        QVERIFY2(ok, why(ok).constData());
        QVERIFY(ok->profile);
        QCOMPARE(ok->profile->kind, ConnectionProfile::Kind::Ssh);
        QCOMPARE(ok->profile->ssh.host, u"node1"_s);
        QCOMPARE(ok->profile->ssh.user, u"root"_s);
        QCOMPARE(ok->profile->ssh.port, std::optional<quint16>(2222));
        QCOMPARE(ok->profile->ssh.identityFile, u"/k"_s);
        QCOMPARE(ok->profile->ssh.knownHostsFile, u"/kh"_s);
        QCOMPARE(ok->profile->ssh.readConfig, false);
        QCOMPARE(ok->profile->ssh.agentSocket, u"/run/a.sock"_s);
        QCOMPARE(ok->screenshotFile, u"/tmp/s.png"_s);
        QCOMPARE(ok->screenshotInterval, std::chrono::seconds(5));
        QCOMPARE(ok->settingsFile, u"/tmp/o.ini"_s);
        QCOMPARE(ok->collectorSocket, u"/tmp/c.sock"_s);

        const auto local = ConsoleOptions::parse({u"omview"_s, u"--local"_s, u"/tmp/a.sock"_s});
        QVERIFY(local && local->profile);
        QCOMPARE(local->profile->socketPath, u"/tmp/a.sock"_s);

        const QList<QStringList> bad{
            {u"omview"_s, u"--profile"_s, u"x"_s, u"--local"_s, u"/s"_s},
            {u"omview"_s, u"-i"_s, u"/k"_s},
            {u"omview"_s, u"--ssh"_s, u"@host"_s},
            {u"omview"_s, u"--screenshot-interval"_s, u"3"_s},
            {u"omview"_s, u"--screenshot"_s, u"/s.png"_s, u"--screenshot-interval"_s, u"soon"_s},
            {u"omview"_s, u"stray"_s},
            {u"omview"_s, u"--no-such-option"_s},
        };
        for (const QStringList &args : bad) {
            const auto r = ConsoleOptions::parse(args);
            QVERIFY2(!r, qPrintable(args.join(u' ')));
            QVERIFY(!r.error().isEmpty());
        }
        QVERIFY(ConsoleOptions::parse({u"omview"_s, u"--ssh-config"_s, u"none"_s})
                    .error()
                    .contains(u"--ssh-config"_s));
    }

    void startupProfile() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
        ProfileStore store(settings);
        const QString socket = dir.filePath(u"agent.sock"_s);
        ConsoleOptions options;
        // Nothing saved, no local socket: ask.
        auto p = omview::startupProfile(options, store, socket);
        QVERIFY(p && !*p);
        // The local socket exists.
        QFile(socket).open(QIODevice::WriteOnly);
        p = omview::startupProfile(options, store, socket);
        QVERIFY(p && *p);
        QCOMPARE((*p)->socketPath, socket);
        // A saved profile used last wins.
        SshTarget t;
        t.host = u"entry"_s;
        QVERIFY(store.save(ConnectionProfile::overSsh(t, u"lab"_s)));
        store.setLastUsed(u"lab"_s);
        p = omview::startupProfile(options, store, socket);
        QVERIFY(p && *p);
        QCOMPARE((*p)->name, u"lab"_s);
        // --profile names one that does not exist.
        options.profileName = u"nope"_s;
        p = omview::startupProfile(options, store, socket);
        QVERIFY(!p);
        QVERIFY(p.error().contains(u"nope"_s));
    }

    void filterAndSort() {
        NodeTableModel model;
        NodeFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyRecords({record(1, true, 150, 1ull << 30),
                            record(2, true, 20, 6ull << 30, u"gpu"_s), record(3, false, 0, 0),
                            record(10, true, 90, 2ull << 30)});
        QCOMPARE(proxy.rowCount(), 1);
        const QModelIndex cluster = proxy.index(0, 0);
        QVERIFY(cluster.data(NodeTableModel::IsClusterRole).toBool());
        QCOMPARE(proxy.rowCount(cluster), 4);

        proxy.sort(NodeTableModel::LoadColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.rowCount(), 1); // the cluster row stays the single top-level row
        QList<NodeId> order;
        for (int row = 0; row < proxy.rowCount(cluster); ++row)
            order.append(proxy.index(row, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt());
        QCOMPARE(order, (QList<NodeId>{1, 10, 2, 3}));
        proxy.sort(NodeTableModel::AddressColumn, Qt::AscendingOrder);
        order.clear();
        for (int row = 0; row < proxy.rowCount(cluster); ++row)
            order.append(proxy.index(row, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt());
        QCOMPARE(order, (QList<NodeId>{1, 2, 3, 10})); // 10.0.0.10 after 10.0.0.3

        proxy.setFilterText(u"gpu"_s);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.rowCount(cluster), 1);
        QCOMPARE(proxy.index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 2u);
        proxy.setFilterText(u"10"_s); // ID 10 exactly, and every address contains "10."
        QCOMPARE(proxy.rowCount(cluster), 4);
        proxy.setFilterText(u"10.0.0.1"_s);
        QCOMPARE(proxy.rowCount(cluster), 2); // 10.0.0.1 and 10.0.0.10
        proxy.setFilterText(u"nothing matches"_s);
        QCOMPARE(proxy.rowCount(), 1); // the cluster row stays
        QCOMPARE(proxy.rowCount(cluster), 0);
        proxy.setFilterText({});
        proxy.setStateFilter(NodeFilterProxyModel::StateFilter::Down);
        QCOMPARE(proxy.rowCount(cluster), 1);
        QCOMPARE(proxy.index(0, 0, cluster).data(NodeTableModel::NodeIdRole).toUInt(), 3u);
        proxy.setStateFilter(NodeFilterProxyModel::StateFilter::Up);
        QCOMPARE(proxy.rowCount(cluster), 3);
        // Updates keep flowing through the filter: node 3 comes up.
        model.applyRecords({record(1, true, 150, 1ull << 30),
                            record(2, true, 20, 6ull << 30, u"gpu"_s),
                            record(3, true, 10, 1ull << 30), record(10, true, 90, 2ull << 30)});
        QCOMPARE(proxy.rowCount(cluster), 4);
        model.setDisconnected();
        QCOMPARE(proxy.rowCount(cluster), 0);
        proxy.setStateFilter(NodeFilterProxyModel::StateFilter::Unknown);
        QCOMPARE(proxy.rowCount(cluster), 4);
        proxy.setStateFilter(NodeFilterProxyModel::StateFilter::Any);

        const QModelIndex speed = proxy.index(0, NodeTableModel::SpeedColumn, cluster);
        QVERIFY(proxy.flags(speed) & Qt::ItemIsEditable);
        QVERIFY(!(proxy.flags(proxy.index(0, NodeTableModel::SpeedColumn)) & Qt::ItemIsEditable));
        for (int column = 0; column < NodeTableModel::ColumnCount; ++column)
            QVERIFY(!proxy.index(0, column, cluster).data(Qt::WhatsThisRole).toString().isEmpty());
    }

    // A status line longer than its room ends in "…" (never cut mid-letter); all of it stays
    // in the tooltip and the accessible name.
    void elidedLabel() {
        ElidedLabel label;
        const QString text = u"Retrying in 4 s: connection to the agent lost: ssh "
                             u"root@node1.example.org:22: no answer from the host for 45.0 s "
                             u"(keepalive)"_s;
        label.setText(text);
        label.resize(label.fontMetrics().horizontalAdvance(text) / 2, label.sizeHint().height());
        QCOMPARE(label.text(), text);
        QVERIFY2(label.shownText().endsWith(u"…"_s), qPrintable(label.shownText()));
        QVERIFY(text.startsWith(label.shownText().chopped(1)));
        QCOMPARE(label.toolTip(), text);
        QCOMPARE(label.accessibleName(), text);
        QVERIFY(label.minimumSizeHint().width() < label.width());
        label.resize(label.sizeHint());
        QCOMPARE(label.shownText(), text);
        label.setText(u"two\nlines"_s);
        QCOMPARE(label.text(), u"two lines"_s);
    }

    void screenshotWriter() {
        QTemporaryDir dir;
        QLabel label(u"screenshot"_s);
        label.resize(200, 50);
        ScreenshotWriter writer(&label, dir.filePath(u"shot.png"_s), std::chrono::seconds(0));
        QSignalSpy wrote(&writer, &ScreenshotWriter::wrote);
        writer.start();
        writer.start(); // once only
        QCOMPARE(wrote.size(), 1);
        QImage image(dir.filePath(u"shot.png"_s));
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), label.grab().width());
        const auto bad = ScreenshotWriter::save(&label, dir.filePath(u"no/such/dir/shot.png"_s));
        QVERIFY(!bad);
        QVERIFY(bad.error().contains(u"shot.png"_s));
    }

    void icons() {
        QCOMPARE(bundledIconNames().size(), 22);
        QApplication::setPalette(QPalette(Qt::white));
        for (const QString &name : bundledIconNames()) {
            const QIcon icon = themedIcon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            const QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0);
            QCOMPARE(hiDpi.size(), QSize(32, 32)); // drawn for the scale, not stretched
        }
        // The ink follows the palette: dark on a light theme, light on a dark one.
        QApplication::setPalette(QPalette(QColor(0xef, 0xf0, 0xf1)));
        const QColor light = inkOf(themedIcon(u"document-save"_s));
        QApplication::setPalette(uitest::darkPalette());
        const QColor dark = inkOf(themedIcon(u"document-save"_s));
        QApplication::setPalette(QPalette());
        QVERIFY2(light.lightness() < 100, qPrintable(light.name()));
        QVERIFY2(dark.lightness() > 180, qPrintable(dark.name()));
        // The application icon keeps its own colours.
        QVERIFY(inkOf(applicationIcon()).saturation() > 60);
        // A sheet of every icon at three sizes on a light and a dark palette, for review.
        const QStringList names = bundledIconNames();
        QImage sheet(16 + names.size() * 56, 2 * 100, QImage::Format_ARGB32);
        QPainter painter(&sheet);
        for (int row = 0; row < 2; ++row) {
            const QPalette palette =
                row == 0 ? QPalette(QColor(0xef, 0xf0, 0xf1)) : uitest::darkPalette();
            QApplication::setPalette(palette);
            painter.fillRect(0, row * 100, sheet.width(), 100, palette.color(QPalette::Window));
            for (int i = 0; i < names.size(); ++i) {
                const QIcon icon = themedIcon(names[i]);
                const int x = 8 + i * 56;
                icon.paint(&painter, x, row * 100 + 8, 16, 16);
                icon.paint(&painter, x + 20, row * 100 + 8, 24, 24);
                icon.paint(&painter, x, row * 100 + 40, 48, 48);
            }
        }
        painter.end();
        QApplication::setPalette(QPalette());
        QVERIFY(sheet.save(QDir(uitest::screenshotDir()).filePath(u"icons.png"_s)));

        // An unknown name with no bundled SVG: null, never a crash.
        QVERIFY(themedIcon(u"no-such-icon-name"_s).isNull());
    }

    // What a desktop reads: the .desktop entry and the AppStream metainfo agree on omview.
    void desktopFiles() {
        QFile desktop(QStringLiteral(OMVIEW_DESKTOP_FILE));
        QVERIFY(desktop.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(desktop.readAll()).split(u'\n');
        QCOMPARE(lines.first(), u"[Desktop Entry]"_s);
        QHash<QString, QString> entry;
        for (const QString &line : lines.mid(1)) {
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const qsizetype eq = line.indexOf(u'=');
            QVERIFY2(eq > 0, qPrintable(line));
            entry.insert(line.left(eq), line.mid(eq + 1));
        }
        QCOMPARE(entry.value(u"Type"_s), u"Application"_s);
        QCOMPARE(entry.value(u"Exec"_s), u"omview"_s);
        QCOMPARE(entry.value(u"Icon"_s), u"omview"_s);
        QVERIFY(entry.value(u"Categories"_s).endsWith(u';'));
        QVERIFY(!entry.value(u"Comment"_s).isEmpty());

        QFile metainfo(QStringLiteral(OMVIEW_METAINFO_FILE));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&metainfo);
        QHash<QString, QString> text;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() != u"description"_s && xml.name() != u"p"_s && xml.name() != u"ul"_s &&
                xml.name() != u"li"_s) {
                const QString name = xml.name().toString();
                const QString version = xml.attributes().value(u"version"_s).toString();
                if (!version.isEmpty())
                    text.insert(name + u"@version"_s, version);
                if (name != u"component"_s && name != u"releases"_s && name != u"provides"_s &&
                    name != u"categories"_s && name != u"content_rating"_s && name != u"release"_s)
                    text.insert(name, xml.readElementText());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(text.value(u"id"_s), u"omview"_s);
        QCOMPARE(text.value(u"launchable"_s), u"omview.desktop"_s);
        QCOMPARE(text.value(u"binary"_s), u"omview"_s);
        QCOMPARE(text.value(u"release@version"_s), u"0.1.0"_s);
        QVERIFY(!text.value(u"summary"_s).isEmpty());
    }

    void collectorArguments() {
        CollectorControl control(u"/tmp/c.sock"_s);
        control.setPollInterval(std::chrono::milliseconds(0));
        control.setDatabase(u"/tmp/h.db"_s);
        QCOMPARE(control.arguments(ConnectionProfile::localSocket(u"/run/a.sock"_s)),
                 (QStringList{u"--control-socket"_s, u"/tmp/c.sock"_s, u"--database"_s,
                              u"/tmp/h.db"_s, u"--agent-socket"_s, u"/run/a.sock"_s}));
        SshTarget t;
        t.host = u"entry"_s;
        t.user = u"root"_s;
        t.port = 2222;
        t.identityFile = u"/k"_s;
        t.knownHostsFile = u"/kh"_s;
        QCOMPARE(control.arguments(ConnectionProfile::overSsh(t)).mid(4),
                 (QStringList{u"--ssh"_s, u"root@entry:2222"_s, u"--ssh-identity"_s, u"/k"_s,
                              u"--ssh-known-hosts"_s, u"/kh"_s, u"--agent-socket"_s,
                              SshTarget::DefaultAgentSocket}));
        // No program: a clear failure, nothing started.
        control.setProgram(u"/no/such/omcollectord"_s);
        QSignalSpy failed(&control, &CollectorControl::failed);
        control.start(ConnectionProfile::localSocket());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(u"omcollectord"_s));
        QVERIFY(control.state() != CollectorControl::State::Starting);
    }
};

QTEST_MAIN(TestLogic)
#include "tst_logic.moc"
