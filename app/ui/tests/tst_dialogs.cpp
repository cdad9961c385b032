// The dialogs under a real display: the node and all-nodes settings dialogs against real
// agents (the change read back from the agents), mixed states, refused input, the SSH
// prompts, the connection profiles, Save History, help and About; each one's screenshot.
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/connectionsdialog.h>
#include <omview/console/helpviewer.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/profilestore.h>
#include <omview/console/promptdialogs.h>
#include <omview/console/savehistorydialog.h>
#include <omview/console/settingseditor.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::uitest;

namespace {

constexpr int Slow = 30000; // generous: the machine may be loaded

void typeInto(QSpinBox *box, int value) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(value));
}

// Clicks a check box where a user would: on its box (a click far right of its text misses).
void clickBox(QCheckBox *box) {
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator =
        box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

void setPaletteAndWait(const QPalette &palette) {
    QApplication::setPalette(palette);
    QTest::qWait(50);
}

} // namespace

class TestDialogs : public QObject {
    Q_OBJECT

private:
    test::AgentCluster m_cluster{3};
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<ClusterCommands> m_commands;
    std::unique_ptr<AgentReader> m_reader;

    std::unique_ptr<NodeSettingsDialog> openDialog(NodeSettingsDialog::Scope scope,
                                                   QList<NodeId> nodes, const QString &title) {
        auto dialog = std::make_unique<NodeSettingsDialog>(scope, nodes, title, m_commands.get());
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()) ||
            !QTest::qWaitFor([&] { return !dialog->isBusy(); }, Slow))
            return nullptr;
        return dialog;
    }

    // Waits for the dialog's operation (apply, action) and the read that follows it.
    static bool settle(NodeSettingsDialog *dialog) {
        QTest::qWait(0);
        return QTest::qWaitFor([&] { return !dialog->isBusy(); }, Slow);
    }

private slots:
    void initTestCase() {
        const auto started = startCluster(m_cluster);
        QVERIFY2(started, why(started).constData());
        m_reader = std::make_unique<AgentReader>(m_cluster.socketPath(1));
        QVERIFY(m_reader->connect());
        m_session = std::make_unique<ClusterSession>(
            ConnectionProfile::localSocket(m_cluster.socketPath(1)));
        m_session->open();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->state() == ClusterSession::State::Connected, Slow);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->nodes().size(), 3, Slow);
        m_commands = std::make_unique<ClusterCommands>(m_session.get());
    }

    // The form shows mixed fields as such and writes only what the user set.
    void editorShowsMixedStates() {
        Settings a, b;
        a.stay = true;
        b.stay = false;
        a.speed = 12000;
        b.speed = 8000;
        const SettingsAggregate aggregate = SettingsAggregate::of({a, b});
        SettingsEditor editor;
        editor.setAggregate(aggregate);
        QCOMPARE(editor.automaticMigration()->checkState(), Qt::PartiallyChecked);
        QCOMPARE(editor.speed()->text(), SettingsEditor::mixedText());
        QCOMPARE(editor.talkToOthers()->checkState(), Qt::Checked); // both not quiet
        QCOMPARE(editor.decayInterval()->value(), 1);
        QCOMPARE(aggregate.changeTo(editor.edited()), SettingsChange{});
        editor.automaticMigration()->setCheckState(Qt::Checked); // = not stay, on every node
        typeInto(editor.decayInterval(), 7);
        const SettingsChange change = aggregate.changeTo(editor.edited());
        QCOMPARE(change.stay, std::optional<bool>(false));
        QCOMPARE(change.decayInterval, std::optional<std::uint32_t>(7));
        QVERIFY(!change.speed); // still mixed: not written
    }

    void nodeDialogShowsAndChangesTheAgent() {
        const auto before = m_reader->settings(2);
        QVERIFY(before);
        auto dialog = openDialog(NodeSettingsDialog::Scope::Node, {2}, u"Node 2 — 127.0.0.2"_s);
        QVERIFY(dialog);
        QVERIFY2(!dialog->hasError(), qPrintable(dialog->messageText()));
        SettingsEditor *e = dialog->editor();
        // The dialog shows what the agent has.
        QCOMPARE(e->automaticMigration()->isChecked(), !before->stay);
        QCOMPARE(e->talkToOthers()->isChecked(), !before->quiet);
        QCOMPARE(e->speed()->value(), int(before->speed));
        QCOMPARE(e->slowDecay()->value(), int(before->slowDecay));
        QVERIFY(!e->automaticMigration()->isTristate());
        QVERIFY(saveScreenshot(dialog.get(), u"dialog-node-settings"_s));

        clickBox(e->automaticMigration());
        typeInto(e->speed(), 15000);
        typeInto(e->decayInterval(), 5);
        QTest::mouseClick(dialog->button(u"apply"_s), Qt::LeftButton);
        QVERIFY(settle(dialog.get()));
        QVERIFY2(!dialog->hasError(), qPrintable(dialog->messageText()));

        const auto after = m_reader->settings(2);
        QVERIFY(after);
        QCOMPARE(after->stay, !before->stay);
        QCOMPARE(after->speed, 15000u);
        QCOMPARE(after->decayInterval, 5u);
        QCOMPARE(after->quiet, before->quiet);
        QCOMPARE(after->slowDecay, before->slowDecay);
        // Only node 2 changed.
        QCOMPARE(m_reader->settings(1).value_or(Settings{}).speed, 10000u);
        QCOMPARE(m_reader->settings(3).value_or(Settings{}).speed, 10000u);
        // The dialog read the node back.
        QCOMPARE(e->speed()->value(), 15000);
    }

    // Values the module would refuse: named, Apply disabled, nothing written.
    void refusedInputChangesNothing() {
        const auto before = m_reader->settings(3);
        QVERIFY(before);
        auto dialog = openDialog(NodeSettingsDialog::Scope::Node, {3}, u"Node 3 — 127.0.0.3"_s);
        QVERIFY(dialog);
        typeInto(dialog->editor()->fastDecay(), 990); // above the slow decay (975)
        QVERIFY(dialog->hasError());
        QVERIFY2(dialog->messageText().contains(u"Decay"_s, Qt::CaseInsensitive),
                 qPrintable(dialog->messageText()));
        QVERIFY(!dialog->button(u"apply"_s)->isEnabled());
        QVERIFY(!dialog->button(u"ok"_s)->isEnabled());
        QVERIFY(saveScreenshot(dialog.get(), u"dialog-node-settings-refused"_s));
        dialog->apply(); // even asked directly, nothing is sent
        QVERIFY(!dialog->isBusy());
        QCOMPARE(*m_reader->settings(3), *before);
        // Put right, it goes through.
        typeInto(dialog->editor()->fastDecay(), 900);
        QVERIFY(!dialog->hasError());
        QTest::mouseClick(dialog->button(u"ok"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), Slow);
        QCOMPARE(m_reader->settings(3).value_or(Settings{}).fastDecay, 900u);
    }

    void allNodesDialogShowsMixedStates() {
        SettingsChange stay;
        stay.stay = true;
        QVERIFY(m_reader->setSettings(1, stay));
        SettingsChange noStay;
        noStay.stay = false;
        QVERIFY(m_reader->setSettings(2, noStay));
        QVERIFY(m_reader->setSettings(3, noStay));
        SettingsChange block;
        block.block = false;
        for (NodeId n : {1u, 2u, 3u})
            QVERIFY(m_reader->setSettings(n, block));

        auto dialog = openDialog(NodeSettingsDialog::Scope::Cluster, {1, 2, 3}, u"All nodes (3)"_s);
        QVERIFY(dialog);
        SettingsEditor *e = dialog->editor();
        QCOMPARE(e->automaticMigration()->checkState(), Qt::PartiallyChecked);
        QCOMPARE(e->speed()->text(), SettingsEditor::mixedText()); // 10000, 15000, 10000
        QCOMPARE(e->blockGuests()->checkState(), Qt::Unchecked);
        QVERIFY(dialog->findChild<QLabel *>(u"participation"_s)->text().contains(u"all 3"_s));
        QVERIFY(saveScreenshot(dialog.get(), u"dialog-all-nodes-mixed"_s));
        setPaletteAndWait(darkPalette());
        QVERIFY(saveScreenshot(dialog.get(), u"dialog-all-nodes-mixed-dark"_s));
        setPaletteAndWait(QApplication::style()->standardPalette());

        // Block guests everywhere; what is mixed stays each node's own.
        clickBox(e->blockGuests());
        QTest::mouseClick(dialog->button(u"apply"_s), Qt::LeftButton);
        QVERIFY(settle(dialog.get()));
        QVERIFY2(!dialog->hasError(), qPrintable(dialog->messageText()));
        QCOMPARE(m_reader->settings(1).value_or(Settings{}).block, true);
        QCOMPARE(m_reader->settings(2).value_or(Settings{}).block, true);
        QCOMPARE(m_reader->settings(3).value_or(Settings{}).block, true);
        QCOMPARE(m_reader->settings(1).value_or(Settings{}).stay, true);
        QCOMPARE(m_reader->settings(2).value_or(Settings{}).stay, false);
        QCOMPARE(m_reader->settings(2).value_or(Settings{}).speed, 15000u);
        QCOMPARE(m_reader->settings(1).value_or(Settings{}).speed, 10000u);
        QCOMPARE(e->blockGuests()->checkState(), Qt::Checked);
        QCOMPARE(e->automaticMigration()->checkState(), Qt::PartiallyChecked);
    }

    void actionsActOnTheNodes() {
        SettingsChange clear;
        clear.block = false;
        clear.lstay = false;
        QVERIFY(m_reader->setSettings(3, clear));
        auto dialog = openDialog(NodeSettingsDialog::Scope::Node, {3}, u"Node 3"_s);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->button(u"expel"_s), Qt::LeftButton);
        QVERIFY(settle(dialog.get()));
        QVERIFY2(!dialog->hasError(), qPrintable(dialog->messageText()));
        QCOMPARE(m_reader->settings(3).value_or(Settings{}).block, true); // expel blocks new guests
        QCOMPARE(dialog->editor()->blockGuests()->checkState(), Qt::Checked);
        QTest::mouseClick(dialog->button(u"bring"_s), Qt::LeftButton);
        QVERIFY(settle(dialog.get()));
        QCOMPARE(m_reader->settings(3).value_or(Settings{}).lstay,
                 true); // bring keeps new processes local

        // Stop and start openMosix on the entry node (a node that leaves the cluster cannot be
        // reached through another node's forwarding any more).
        auto entry = openDialog(NodeSettingsDialog::Scope::Node, {1}, u"Node 1"_s);
        QVERIFY(entry);
        QTest::mouseClick(entry->button(u"stop"_s), Qt::LeftButton);
        QVERIFY(settle(entry.get()));
        QVERIFY2(!entry->hasError(), qPrintable(entry->messageText()));
        QTRY_COMPARE_WITH_TIMEOUT(m_reader->settings(std::nullopt).value_or(Settings{}).mospe, 0u,
                                  Slow);
        QVERIFY(entry->findChild<QLabel *>(u"participation"_s)->text().contains(u"stopped"_s));
        QVERIFY(entry->button(u"start"_s)->isEnabled());
        QVERIFY(!entry->button(u"stop"_s)->isEnabled());
        QTest::mouseClick(entry->button(u"start"_s), Qt::LeftButton);
        QVERIFY(settle(entry.get()));
        QVERIFY2(!entry->hasError(), qPrintable(entry->messageText()));
        QTRY_COMPARE_WITH_TIMEOUT(m_reader->settings(std::nullopt).value_or(Settings{}).mospe, 1u,
                                  Slow);
        QVERIFY(entry->findChild<QLabel *>(u"participation"_s)->text().contains(u"running"_s));
        QVERIFY(m_reader->waitForAlive(3));
    }

    void terminalButtonAsksTheWindow() {
        auto dialog = openDialog(NodeSettingsDialog::Scope::Node, {2}, u"Node 2"_s);
        QVERIFY(dialog);
        QSignalSpy asked(dialog.get(), &NodeSettingsDialog::terminalRequested);
        QTest::mouseClick(dialog->button(u"terminal"_s), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().value<NodeId>(), 2u);
        // The all-nodes dialog has no terminal.
        auto all = openDialog(NodeSettingsDialog::Scope::Cluster, {1, 2, 3}, u"All nodes"_s);
        QVERIFY(all);
        QVERIFY(!all->button(u"terminal"_s));
    }

    void hostKeyPrompt() {
        HostKeyPrompt prompt;
        prompt.host = u"[127.0.0.1]:2222"_s;
        prompt.keyType = u"ssh-ed25519"_s;
        prompt.fingerprint = u"SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"_s;
        prompt.knownHostsFile = u"/root/.ssh/known_hosts"_s;
        HostKeyDialog dialog(prompt);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.findChild<QLabel *>(u"fingerprint"_s)->text(), prompt.fingerprint);
        QVERIFY(saveScreenshot(&dialog, u"dialog-host-key"_s));
        // Enter does not trust a key: the default button is "do not connect".
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        HostKeyDialog again(prompt);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTest::mouseClick(again.findChild<QPushButton *>(u"trust"_s), Qt::LeftButton);
        QCOMPARE(again.result(), int(QDialog::Accepted));
    }

    void credentialsPrompts() {
        CredentialsPrompt password;
        password.user = u"root"_s;
        password.host = u"node1"_s;
        password.fields = {{u"Password:"_s, false}};
        CredentialsDialog dialog(password);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.fields().size(), 1);
        QCOMPARE(dialog.fields().first()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(dialog.fields().first(), u"s3cret"_s);
        QVERIFY(saveScreenshot(&dialog, u"dialog-password"_s));
        QTest::keyClick(dialog.fields().first(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.answers(), QStringList{u"s3cret"_s});

        CredentialsPrompt kbd;
        kbd.kind = CredentialsPrompt::Kind::KeyboardInteractive;
        kbd.user = u"admin"_s;
        kbd.host = u"node1"_s;
        kbd.name = u"Two-factor login"_s;
        kbd.instruction = u"Answer both questions. <b>not bold</b>"_s;
        kbd.fields = {{u"Password: "_s, false}, {u"Verification code: "_s, true}};
        kbd.attempt = 2;
        CredentialsDialog two(kbd);
        two.show();
        QVERIFY(QTest::qWaitForWindowExposed(&two));
        QCOMPARE(two.fields().size(), 2);
        QCOMPARE(two.fields().at(1)->echoMode(), QLineEdit::Normal);
        // Text from the server is shown as text, never as markup.
        QVERIFY(two.findChild<QLabel *>(u"instruction"_s)->text().contains(u"&lt;b&gt;"_s));
        QVERIFY(two.findChild<QLabel *>(u"instruction"_s)->text().contains(u"attempt 2"_s));
        QVERIFY(saveScreenshot(&two, u"dialog-keyboard-interactive"_s));
        QTest::keyClicks(two.fields().at(0), u"pw"_s);
        QTest::keyClicks(two.fields().at(1), u"123456"_s);
        two.accept();
        QCOMPARE(two.answers(), (QStringList{u"pw"_s, u"123456"_s}));
    }

    void connectionProfiles() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
        ProfileStore store(settings);
        ConnectionsDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"new"_s), Qt::LeftButton);
        ProfileEditor *e = dialog.editor();
        QCOMPARE(e->kindBox()->currentIndex(), 1); // a new profile is an SSH one
        QTest::keyClicks(e->nameEdit(), u"lab"_s);
        // No host: refused, nothing saved.
        QVERIFY(!dialog.saveProfile());
        QVERIFY(dialog.messageText().contains(u"host"_s, Qt::CaseInsensitive));
        QVERIFY(store.profiles().isEmpty());
        QTest::keyClicks(e->hostEdit(), u"127.0.0.1"_s);
        e->portBox()->setValue(2222);
        QTest::keyClicks(e->userEdit(), u"root"_s);
        QTest::keyClicks(e->identityEdit(), u"/root/.ssh/id_ed25519"_s);
        QVERIFY2(dialog.saveProfile(), qPrintable(dialog.messageText()));
        const auto saved = store.profile(u"lab"_s);
        QVERIFY(saved);
        QCOMPARE(saved->kind, ConnectionProfile::Kind::Ssh);
        QCOMPARE(saved->ssh.port, std::optional<quint16>(2222));
        QCOMPARE(saved->ssh.user, u"root"_s);
        QCOMPARE(saved->ssh.identityFile, u"/root/.ssh/id_ed25519"_s);
        QCOMPARE(dialog.list()->count(), 1);
        QVERIFY(saveScreenshot(&dialog, u"dialog-connections"_s));

        // A local profile too; then connect with the SSH one.
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"new"_s), Qt::LeftButton);
        QTest::keyClicks(e->nameEdit(), u"this machine"_s);
        e->kindBox()->setCurrentIndex(0);
        QVERIFY(dialog.saveProfile());
        QCOMPARE(store.profiles().size(), 2);
        QVERIFY(dialog.select(u"lab"_s));
        QCOMPARE(e->hostEdit()->text(), u"127.0.0.1"_s);
        QSignalSpy connectSpy(&dialog, &ConnectionsDialog::connectRequested);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"connect"_s), Qt::LeftButton);
        QCOMPARE(connectSpy.size(), 1);
        QCOMPARE(connectSpy.first().first().value<ConnectionProfile>().name, u"lab"_s);

        ConnectionsDialog again(store);
        QVERIFY(again.select(u"this machine"_s));
        QVERIFY(again.removeProfile());
        QCOMPARE(store.profiles().size(), 1);
        QVERIFY(!store.profile(u"this machine"_s));
    }

    void saveHistoryDialogRefusesBadInput() {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTime();
        SaveHistoryDialog dialog(nullptr, now);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(saveScreenshot(&dialog, u"dialog-save-history"_s));
        dialog.setFile(dir.filePath(u"history.db"_s));
        QVERIFY(dialog.problem().isEmpty());
        dialog.setRange(now, now.addSecs(-60));
        QVERIFY(dialog.problem().contains(u"From"_s));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // refused, still open
        QVERIFY(!dialog.findChild<QLabel *>(u"message"_s)->text().isEmpty());
        dialog.setRange(now.addSecs(-60), now);
        dialog.setFile(u"relative.db"_s);
        QVERIFY(!dialog.problem().isEmpty());
        dialog.setFile(dir.filePath(u"no/such/dir/h.db"_s));
        QVERIFY(dialog.problem().contains(u"does not exist"_s));
        QFile existing(dir.filePath(u"exists.db"_s));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        dialog.setFile(existing.fileName());
        QVERIFY(dialog.problem().contains(u"exists"_s));
        dialog.setFile(dir.filePath(u"history.csv"_s));
        dialog.setFormat(collector::SaveFormat::Csv);
        QCOMPARE(dialog.format(), collector::SaveFormat::Csv);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void helpAndAbout() {
        HelpViewer help;
        help.show();
        QVERIFY(QTest::qWaitForWindowExposed(&help));
        const QString text = help.browser()->toPlainText();
        QVERIFY2(text.contains(u"Load-balancing efficiency"_s), qPrintable(text.left(200)));
        QVERIFY(text.contains(u"Host keys"_s));
        QVERIFY(saveScreenshot(&help, u"help-viewer"_s));
        help.showPage(QUrl(u"#settings"_s));
        QCOMPARE(help.browser()->source().fragment(), u"settings"_s);
        // A link of the contents, as a click on it reports it.
        emit help.browser()->anchorClicked(QUrl(u"#collector"_s));
        QCOMPARE(help.browser()->source().fragment(), u"collector"_s);
        QCOMPARE(help.browser()->source().path(), u"/help/omview.html"_s);
        QVERIFY(help.browser()->isBackwardAvailable());
        AboutDialog about;
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        QVERIFY(about.findChild<QLabel *>(u"aboutText"_s)->text().contains(u"omview"_s));
        QVERIFY(saveScreenshot(&about, u"dialog-about"_s));
    }

    void everyControlExplainsItself() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
        ProfileStore store(settings);
        auto node = openDialog(NodeSettingsDialog::Scope::Node, {1}, u"Node 1"_s);
        QVERIFY(node);
        ConnectionsDialog connections(store);
        SaveHistoryDialog save;
        HostKeyDialog hostKey(HostKeyPrompt{u"h"_s, u"ssh-ed25519"_s, u"SHA256:x"_s, u"/kh"_s});
        CredentialsDialog credentials(CredentialsPrompt{});
        HelpViewer help;
        AboutDialog about;
        for (QWidget *w : std::initializer_list<QWidget *>{node.get(), &connections, &save,
                                                           &hostKey, &credentials, &help, &about}) {
            const QStringList missing = controlsWithoutWhatsThis(w);
            QVERIFY2(missing.isEmpty(),
                     qPrintable(w->objectName() + u": "_s + missing.join(u", "_s)));
        }
    }

    void cleanupTestCase() {
        m_commands.reset();
        if (m_session)
            m_session->close();
        m_session.reset();
    }
};

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(u"0.1.0"_s);
    TestDialogs test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dialogs.moc"
