// The translations: the compiled-in catalogue loads for German and English and translates the
// programs' real strings; the catalogues in the repository are complete for the sources as
// lupdate reads them now; and the German console, dialogs, analyzer and history show German
// text that fits (real omview, omview-analyzer and omview-history processes against real
// agents and a real collector database; screenshots for review).
#include "agentcluster.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>
#include <omview/analyzer/chartexport.h>
#include <omview/analyzer/chartreport.h>
#include <omview/analyzer/rangeselection.h>
#include <omview/console/clustercommands.h>
#include <omview/console/clustersession.h>
#include <omview/console/connectionsdialog.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/profilestore.h>
#include <omview/console/savehistorydialog.h>
#include <omview/console/screenshotwriter.h>
#include <omview/console/settingseditor.h>
#include <omview/history/textformat.h>
#include <omview/resources/translations.h>
#include <omview/store/storewriter.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int Slow = 60000;

QString screenshotDir() {
    const QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR",
                                             QStringLiteral(OMVIEW_DEFAULT_SCREENSHOT_DIR));
    QDir().mkpath(dir);
    return dir;
}

QString screenshotPath(const QString &name) {
    return QDir(screenshotDir()).filePath(name + u".png"_s);
}

void removeTranslators() {
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
}

// One message of a .ts file as lupdate wrote it.
struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type; // of its translation: "", "unfinished", "vanished", "obsolete"
    QStringList translations;
    QString where; // "context: source", for failure messages
};

std::expected<QList<Message>, QString> readTs(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(u"numerus") == u"yes";
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    m.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    m.type = xml.attributes().value(u"type").toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement())
                            m.translations.append(xml.readElementText());
                    } else {
                        m.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            m.where = u"%1: %2"_s.arg(m.context, m.source);
            messages.append(m);
        }
    }
    if (xml.hasError())
        return std::unexpected(
            u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString()));
    return messages;
}

// The placeholders of a text, sorted, each once: "%1", "%2", "%n" (a "%" followed by a space is a
// percent sign).
QStringList placeholders(const QString &text) {
    static const QRegularExpression re(u"%(\\d|n)"_s);
    QStringList found;
    for (const auto &match : re.globalMatch(text))
        found.append(match.captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

// Whether a text has a mnemonic ("&File"; not "&&" nor an HTML entity such as "&nbsp;").
bool hasMnemonic(const QString &text) {
    static const QRegularExpression entity(u"&(#\\d+|[A-Za-z]+);"_s);
    QString t = text;
    t.remove(entity).replace(u"&&"_s, QString());
    const qsizetype at = t.indexOf(u'&');
    return at >= 0 && at + 1 < t.size() && !t.at(at + 1).isSpace();
}

// Runs a program to its end; its exit code and output, or why it did not run.
struct Run {
    int code = -1;
    QString output;
};
std::expected<Run, QString>
run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = Slow) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForStarted(timeoutMs))
        return std::unexpected(u"cannot start %1: %2"_s.arg(program, p.errorString()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return std::unexpected(
            u"%1 did not finish: %2"_s.arg(program, QString::fromUtf8(p.readAll())));
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAll())};
}

// What went wrong, for QVERIFY2 (which builds its message even when the check passes).
template<class T> QByteArray why(const std::expected<T, QString> &result) {
    return result ? QByteArray() : result.error().toLocal8Bit();
}
QByteArray why(const std::expected<Run, QString> &ran) {
    return ran ? ran->output.toLocal8Bit() : ran.error().toLocal8Bit();
}

// A German user's environment. Where the system lacks the de_DE locale Qt warns and takes the
// C.UTF-8 codec, but still reads the language from LANGUAGE and LANG.
QProcessEnvironment germanEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANGUAGE"_s, u"de"_s);
    env.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
    env.remove(u"LC_ALL"_s);
    env.remove(u"LC_MESSAGES"_s);
    return env;
}

// The widgets under root whose text does not fit them: labels without word wrap, buttons,
// group box titles, combo boxes narrower than their longest entry, and header sections
// narrower than their title.
QStringList clippedTexts(QWidget *root) {
    QStringList clipped;
    const auto describe = [](QWidget *w, const QString &text) {
        return u"%1 “%2” (%3 px, needs %4)"_s
            .arg(QString::fromLatin1(w->metaObject()->className()), text)
            .arg(w->width())
            .arg(w->sizeHint().width());
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root))
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (!label->wordWrap() && !label->text().isEmpty() &&
                label->width() < label->sizeHint().width())
                clipped.append(describe(w, label->text()));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (!button->text().isEmpty() && button->width() < button->sizeHint().width())
                clipped.append(describe(w, button->text()));
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            if (box->width() < box->minimumSizeHint().width())
                clipped.append(describe(w, box->title()));
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            // Its size hint makes room for the longest entry.
            if (combo->width() < combo->sizeHint().width())
                clipped.append(describe(w, combo->currentText()));
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            for (int i = 0; i < header->count(); ++i) {
                if (header->isSectionHidden(i))
                    continue;
                // What QHeaderView::sectionSizeFromContents() measures, with the sort
                // indicator's room on the sorted section.
                QStyleOptionHeader option;
                option.initFrom(header);
                option.section = i;
                option.text = header->model()->headerData(i, header->orientation()).toString();
                QSize needed = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option,
                                                                 QSize(), header);
                if (header->isSortIndicatorShown() && header->sortIndicatorSection() == i)
                    needed.rwidth() +=
                        needed.height() +
                        header->style()->pixelMetric(QStyle::PM_HeaderMargin, &option, header);
                if (header->sectionSize(i) < needed.width())
                    clipped.append(u"header section “%1” (%2 px, needs %3)"_s.arg(option.text)
                                       .arg(header->sectionSize(i))
                                       .arg(needed.width()));
            }
        }
    }
    return clipped;
}

// The mnemonic letter of a text ("&Datei": "d"), or none.
QString mnemonicOf(const QString &text) {
    QString t = text;
    t.replace(u"&&"_s, QString());
    const qsizetype at = t.indexOf(u'&');
    return at >= 0 && at + 1 < t.size() ? t.at(at + 1).toLower() : QString();
}

// The texts that share a mnemonic with another one: Alt plus that letter reaches only one.
QStringList sharedMnemonics(const QStringList &texts) {
    QHash<QString, QStringList> byKey;
    for (const QString &text : texts) {
        if (const QString key = mnemonicOf(text); !key.isEmpty())
            byKey[key].append(text);
    }
    QStringList shared;
    for (const QStringList &same : std::as_const(byKey)) {
        if (same.size() > 1)
            shared.append(same.join(u" / "_s));
    }
    return shared;
}

// The mnemonics a dialog offers: its buttons' and its labels'.
QStringList dialogMnemonics(QWidget *dialog) {
    QStringList texts;
    for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>()) {
        if (b->isVisibleTo(dialog))
            texts.append(b->text());
    }
    for (QLabel *l : dialog->findChildren<QLabel *>()) {
        if (l->isVisibleTo(dialog) && l->buddy())
            texts.append(l->text());
    }
    return sharedMnemonics(texts);
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void init() { removeTranslators(); }
    void cleanup() { removeTranslators(); }

    void germanCatalogue_data();
    void germanCatalogue();
    void germanPlurals();
    void germanOutsideClasses();
    void englishPlurals();
    void languageWithoutCatalogue();
    void qtCatalogueWhenInstalled();
    void catalogueMatchesSources_data();
    void catalogueMatchesSources();
    void programsSpeakGerman_data();
    void programsSpeakGerman();
    void germanDialogsFit();
    void germanMainWindowFits();
    void germanConsole();
    void germanAnalyzerAndHistory();

private:
    std::expected<void, QString> startCluster();
    std::expected<QString, QString> writeDatabase();

    QTemporaryDir m_dir;
    std::unique_ptr<omview::test::AgentCluster> m_cluster;
};

void TranslationsTest::germanCatalogue_data() {
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("german");
    QTest::newRow("console menu") << u"omview::ConsoleMenus"_s << u"&File"_s << u"&Datei"_s;
    QTest::newRow("console action") << u"omview::ConsoleActions"_s << u"&Settings for Selected Nodes…"_s
                                    << u"&Einstellungen der ausgewählten Knoten…"_s;
    QTest::newRow("model header") << u"omview::NodeTableModel"_s << u"Load"_s << u"Last"_s;
    QTest::newRow("settings dialog") << u"omview::NodeSettingsDialog"_s
                                     << u"B&ring Processes Home"_s << u"Prozesse &heimholen"_s;
    QTest::newRow("session") << u"omview::ClusterSession"_s << u"Not connected"_s
                             << u"Nicht verbunden"_s;
    QTest::newRow("analyzer") << u"omview::analyzer::AnalyzerWindow"_s << u"&Print…"_s
                              << u"&Drucken…"_s;
    QTest::newRow("history") << u"omview::history::HistoryWindow"_s << u"Process History"_s
                             << u"Prozessverlauf"_s;
    QTest::newRow("command line") << u"main"_s << u"--to needs --from"_s
                                  << u"--to erfordert --from"_s;
    // Texts of free functions and plain classes, under the context they ask for at run time.
    QTest::newRow("chart export") << u"omview::analyzer::ChartExport"_s
                                  << u"the image could not be encoded"_s
                                  << u"das Bild konnte nicht kodiert werden"_s;
    QTest::newRow("analyzer tiers")
        << u"omview::analyzer::AnalyzerWidget"_s << u"minute rows"_s << u"Minutenzeilen"_s;
    QTest::newRow("history texts")
        << u"omview::history::TextFormat"_s << u"node %1"_s << u"Knoten %1"_s;
    QTest::newRow("series builder")
        << u"omview::analyzer::SeriesBuilder"_s << u"the range ends before it starts"_s
        << u"der Zeitraum endet, bevor er beginnt"_s;
}

void TranslationsTest::germanCatalogue() {
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, german);
    const QStringList loaded =
        omview::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(loaded.contains(omview::translationsDirectory() + u"/omview_de.qm"_s),
             qPrintable(loaded.join(u", "_s)));
    QCOMPARE(QCoreApplication::translate(context.toUtf8(), source.toUtf8()), german);
}

void TranslationsTest::germanPlurals() {
    omview::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Austria));
    const auto cpus = [](int n) {
        return QCoreApplication::translate("omview::NodeTableModel", "%n online CPU(s)", nullptr,
                                           n);
    };
    QCOMPARE(cpus(1), u"1 CPU online"_s);
    QCOMPARE(cpus(16), u"16 CPUs online"_s);
    QCOMPARE(
        QCoreApplication::translate("omview::history::HistoryWindow", "%n processes", nullptr, 1),
        u"1 Prozess"_s);
    QCOMPARE(
        QCoreApplication::translate("omview::history::HistoryWindow", "%n processes", nullptr, 7),
        u"7 Prozesse"_s);
}

// Free functions and plain structs translate where they are used: the history's texts, the
// export's refusals, the analyzer's ranges (real plurals).
void TranslationsTest::germanOutsideClasses() {
    omview::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(omview::history::nodeText(3, {}), u"Knoten 3"_s);
    const omview::analyzer::ChartReport report(u"Cluster"_s, {}, {}, {});
    const QString narrow = m_dir.filePath(u"narrow.png"_s);
    const auto exported = omview::analyzer::exportPng(narrow, report, 100);
    QVERIFY(!exported);
    QCOMPARE(exported.error(),
             u"%1: eine Bildbreite muss zwischen 200 und 20000 Pixeln liegen"_s.arg(narrow));
    using omview::analyzer::RangeSelection;
    QCOMPARE(RangeSelection::last(60).describe(), u"letzte 1 Minute"_s);
    QCOMPARE(RangeSelection::last(6 * 3600).describe(), u"letzte 6 Stunden"_s);
    QCOMPARE(RangeSelection::last(14 * 86400).describe(), u"letzte 14 Tage"_s);
    const auto tooShort = RangeSelection::last(1).validate();
    QVERIFY(!tooShort);
    QCOMPARE(tooShort.error(),
             u"ein Zeitraum von 1 Sekunde liegt nicht zwischen einer Minute und 100 Jahren"_s);
}

void TranslationsTest::englishPlurals() {
    // English has a catalogue of its own: the source's "(s)" becomes a real plural.
    const QStringList loaded =
        omview::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY2(loaded.contains(omview::translationsDirectory() + u"/omview_en.qm"_s),
             qPrintable(loaded.join(u", "_s)));
    QCOMPARE(QCoreApplication::translate("omview::NodeTableModel", "%n online CPU(s)", nullptr, 1),
             u"1 online CPU"_s);
    QCOMPARE(QCoreApplication::translate("omview::NodeTableModel",
                                         "%n node(s): %1 up, %2 down, %3 unknown", nullptr, 3),
             u"3 nodes: %1 up, %2 down, %3 unknown"_s);
    QCOMPARE(omview::analyzer::RangeSelection::last(60).describe(), u"last 1 minute"_s);
    QCOMPARE(omview::analyzer::RangeSelection::last(120).describe(), u"last 2 minutes"_s);
    // Everything else stays as written.
    QCOMPARE(QCoreApplication::translate("omview::MainWindow", "&File"), u"&File"_s);
}

void TranslationsTest::languageWithoutCatalogue() {
    // No catalogue is no error: the program speaks English and nothing is installed for it.
    const QStringList loaded =
        omview::installTranslations(*qApp, QLocale(QLocale::Japanese, QLocale::Japan));
    for (const QString &file : loaded)
        QVERIFY2(!file.startsWith(omview::translationsDirectory()), qPrintable(file));
    QCOMPARE(QCoreApplication::translate("omview::MainWindow", "&File"), u"&File"_s);
    QCOMPARE(QCoreApplication::translate("omview::NodeTableModel", "%n online CPU(s)", nullptr, 2),
             u"2 online CPU(s)"_s);
}

void TranslationsTest::qtCatalogueWhenInstalled() {
    // Qt's own strings (standard buttons, What's This?) come from the Qt installation when it
    // has them; without qt6-translations-l10n only omview's own catalogue is there.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const bool installed = QFile::exists(QDir(qtDir).filePath(u"qtbase_de.qm"_s));
    const QStringList loaded = omview::installTranslations(*qApp, QLocale(QLocale::German));
    const bool qtLoaded =
        std::ranges::any_of(loaded, [&](const QString &f) { return f.startsWith(qtDir); });
    QCOMPARE(qtLoaded, installed);
    QCOMPARE(loaded.size(), installed ? 2 : 1);
}

void TranslationsTest::catalogueMatchesSources_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("forms"); // plural forms of the language
    QTest::addColumn<bool>("pluralsOnly");
    QTest::newRow("de") << u"de"_s << 2 << false;
    QTest::newRow("en") << u"en"_s << 2 << true;
}

// lupdate on a copy of the catalogue, reading the sources as the omview_lupdate target does:
// nothing new is untranslated, nothing translated has vanished from the sources, and every
// translation keeps its source's placeholders and mnemonic.
void TranslationsTest::catalogueMatchesSources() {
    QFETCH(QString, language);
    QFETCH(int, forms);
    QFETCH(bool, pluralsOnly);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = u"omview_%1.ts"_s.arg(language);
    const QString copy = dir.filePath(name);
    QVERIFY(QFile::copy(QStringLiteral(OMVIEW_TS_DIR) + u'/' + name, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The target's project, as its first step makes it.
    const QString project = dir.filePath(u"project.json"_s);
    auto made =
        run(QStringLiteral(OMVIEW_CMAKE),
            {u"-DIN_FILE="_s + QStringLiteral(OMVIEW_LUPDATE_PROJECT), u"-DOUT_FILE="_s + project,
             u"-P"_s, QStringLiteral(OMVIEW_LUPDATE_PROJECT_SCRIPT)});
    QVERIFY2(made && made->code == 0, why(made).constData());
    auto updated = run(QStringLiteral(OMVIEW_LUPDATE), {u"-project"_s, project, u"-ts"_s, copy});
    QVERIFY2(updated && updated->code == 0, why(updated).constData());
    if (pluralsOnly) {
        auto converted =
            run(QStringLiteral(OMVIEW_LCONVERT), {u"-pluralonly"_s, u"-i"_s, copy, u"-o"_s, copy});
        QVERIFY2(converted && converted->code == 0, why(converted).constData());
    }

    const auto messages = readTs(copy);
    QVERIFY2(messages, why(messages).constData());
    QVERIFY(!messages->isEmpty());
    QStringList problems;
    for (const Message &m : *messages) {
        if (m.type == u"unfinished") {
            problems.append(u"untranslated: "_s + m.where);
            continue;
        }
        if (m.type == u"vanished" || m.type == u"obsolete") {
            problems.append(u"no longer in the sources: "_s + m.where);
            continue;
        }
        if (pluralsOnly && !m.numerus)
            problems.append(u"not a plural: "_s + m.where);
        if (m.translations.size() != (m.numerus ? forms : 1)) {
            problems.append(u"%1 forms: %2"_s.arg(m.translations.size()).arg(m.where));
            continue;
        }
        const QStringList wanted = placeholders(m.source);
        for (const QString &t : m.translations) {
            if (t.isEmpty()) {
                problems.append(u"empty: "_s + m.where);
            } else if (placeholders(t) != wanted) {
                problems.append(u"placeholders %1 instead of %2: %3"_s.arg(
                    placeholders(t).join(u' '), wanted.join(u' '), m.where));
            }
            if (hasMnemonic(m.source) != hasMnemonic(t))
                problems.append(u"mnemonic differs (“%1”): %2"_s.arg(t, m.where));
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TranslationsTest::programsSpeakGerman_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("german");
    QTest::newRow("omview-analyzer") << QStringLiteral(OMVIEW_ANALYZER_PATH)
                                     << u"Last- und Speicherdiagramme einer Collector-Datenbank."_s;
    QTest::newRow("omview-history")
        << QStringLiteral(OMVIEW_HISTORY_PATH)
        << u"Die von einem Collector aufgezeichneten Prozesse durchsuchen"_s;
}

// Each program's main installs the translations before it builds its command line.
void TranslationsTest::programsSpeakGerman() {
    QFETCH(QString, program);
    QFETCH(QString, german);
    QProcessEnvironment env = germanEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const auto help = run(program, {u"--help"_s}, env);
    QVERIFY2(help, why(help).constData());
    QCOMPARE(help->code, 0);
    QVERIFY2(help->output.contains(german), qPrintable(help->output));
}

std::expected<void, QString> TranslationsTest::startCluster() {
    if (m_cluster)
        return {};
    auto cluster = std::make_unique<omview::test::AgentCluster>(3);
    if (auto started = cluster->start(); !started)
        return started;
    m_cluster = std::move(cluster);
    return {};
}

// The dialogs with the longest German texts, in German against a real cluster: every text
// fits, and each is saved for review.
void TranslationsTest::germanDialogsFit() {
    omview::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany));
    const auto started = startCluster();
    QVERIFY2(started, why(started).constData());
    omview::ClusterSession session(
        omview::ConnectionProfile::localSocket(m_cluster->socketPath(1)));
    session.open();
    QTRY_VERIFY_WITH_TIMEOUT(session.state() == omview::ClusterSession::State::Connected, Slow);
    QTRY_COMPARE_WITH_TIMEOUT(session.nodes().size(), 3, Slow);
    omview::ClusterCommands commands(&session);

    omview::NodeSettingsDialog node(
        omview::NodeSettingsDialog::Scope::Node, {2},
        QCoreApplication::translate("omview::MainWindow", "Node %1").arg(2), &commands);
    node.show();
    QTRY_VERIFY_WITH_TIMEOUT(!node.current().isEmpty(), Slow);
    QVERIFY(QTest::qWaitForWindowExposed(&node));
    QVERIFY2(clippedTexts(&node).isEmpty(),
             clippedTexts(&node).join(u'\n').toLocal8Bit().constData());
    QVERIFY2(dialogMnemonics(&node).isEmpty(), qPrintable(dialogMnemonics(&node).join(u", "_s)));
    QVERIFY(
        omview::ScreenshotWriter::save(&node, screenshotPath(u"translations-de-node-settings"_s)));
    // A refused value, in German, the fields named as the form names them (capitalised nouns).
    QSpinBox *slow = node.editor()->slowDecay();
    QSpinBox *fast = node.editor()->fastDecay();
    QVERIFY(slow->value() < fast->maximum());
    const int tooFast = std::min(fast->maximum(), slow->value() + 15);
    fast->setValue(tooFast);
    QVERIFY(node.hasError());
    QCOMPARE(node.messageText(), u"Ungültig — Schnelles Abklingen: darf höchstens so groß sein wie "
                                 u"das langsame Abklingen (%1), nicht %2"_s.arg(slow->value())
                                     .arg(tooFast));
    QVERIFY2(clippedTexts(&node).isEmpty(),
             clippedTexts(&node).join(u'\n').toLocal8Bit().constData());
    QVERIFY(omview::ScreenshotWriter::save(
        &node, screenshotPath(u"translations-de-node-settings-refused"_s)));

    omview::NodeSettingsDialog all(
        omview::NodeSettingsDialog::Scope::Cluster, {1, 2, 3},
        QCoreApplication::translate("omview::NodeTableModel", "All nodes"), &commands);
    all.show();
    QTRY_COMPARE_WITH_TIMEOUT(all.current().size(), 3, Slow);
    QVERIFY(QTest::qWaitForWindowExposed(&all));
    QVERIFY2(clippedTexts(&all).isEmpty(),
             clippedTexts(&all).join(u'\n').toLocal8Bit().constData());
    QVERIFY2(dialogMnemonics(&all).isEmpty(), qPrintable(dialogMnemonics(&all).join(u", "_s)));
    QVERIFY(omview::ScreenshotWriter::save(&all, screenshotPath(u"translations-de-all-nodes"_s)));

    QSettings settings(m_dir.filePath(u"dialogs.ini"_s), QSettings::IniFormat);
    omview::ProfileStore store(settings);
    omview::ConnectionsDialog connections(store);
    connections.show();
    QVERIFY(QTest::qWaitForWindowExposed(&connections));
    auto *kind = connections.findChild<QComboBox *>(u"kind"_s);
    QVERIFY(kind);
    kind->setCurrentIndex(1); // the SSH form: the most rows
    QVERIFY2(clippedTexts(&connections).isEmpty(),
             clippedTexts(&connections).join(u'\n').toLocal8Bit().constData());
    QVERIFY2(dialogMnemonics(&connections).isEmpty(),
             qPrintable(dialogMnemonics(&connections).join(u", "_s)));
    QVERIFY(omview::ScreenshotWriter::save(&connections,
                                           screenshotPath(u"translations-de-connections"_s)));

    omview::SaveHistoryDialog save;
    save.show();
    QVERIFY(QTest::qWaitForWindowExposed(&save));
    QVERIFY2(clippedTexts(&save).isEmpty(),
             clippedTexts(&save).join(u'\n').toLocal8Bit().constData());
    QVERIFY2(dialogMnemonics(&save).isEmpty(), qPrintable(dialogMnemonics(&save).join(u", "_s)));
    QVERIFY(
        omview::ScreenshotWriter::save(&save, screenshotPath(u"translations-de-save-history"_s)));
    session.close();
}

// The main window in German at its default size: menus German, no header or label clipped.
void TranslationsTest::germanMainWindowFits() {
    omview::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany));
    const auto started = startCluster();
    QVERIFY2(started, why(started).constData());
    QSettings settings(m_dir.filePath(u"mainwindow.ini"_s), QSettings::IniFormat);
    omview::MainWindow window(settings, m_dir.filePath(u"no-collector.sock"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectTo(omview::ConnectionProfile::localSocket(m_cluster->socketPath(1)));
    auto *view = window.findChild<QTreeView *>();
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(view->model()->index(0, 0)), 3, Slow);

    QStringList menus;
    for (QAction *menu : window.menuBar()->actions())
        menus.append(menu->text());
    QCOMPARE(menus.value(0), u"&Datei"_s);
    QCOMPARE(menus.value(menus.size() - 1), u"&Hilfe"_s);
    for (const QString &english :
         {u"&File"_s, u"&View"_s, u"&Nodes"_s, u"C&onfig"_s, u"Co&llector"_s, u"&Help"_s})
        QVERIFY2(!menus.contains(english), qPrintable(menus.join(u", "_s)));
    // Each menu's mnemonic is its own, and so is each entry's within its menu.
    QVERIFY2(sharedMnemonics(menus).isEmpty(), qPrintable(sharedMnemonics(menus).join(u", "_s)));
    for (QAction *menu : window.menuBar()->actions()) {
        QStringList entries;
        for (QAction *entry : menu->menu()->actions())
            entries.append(entry->text());
        QVERIFY2(sharedMnemonics(entries).isEmpty(),
                 qPrintable(sharedMnemonics(entries).join(u", "_s)));
    }
    QVERIFY2(clippedTexts(&window).isEmpty(),
             clippedTexts(&window).join(u'\n').toLocal8Bit().constData());
}

// The real omview, started as a German user starts it, on a real cluster.
void TranslationsTest::germanConsole() {
    const auto started = startCluster();
    QVERIFY2(started, why(started).constData());
    const QString shot = screenshotPath(u"translations-de-omview"_s);
    QFile::remove(shot);
    QProcess omview;
    QProcessEnvironment env = germanEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    omview.setProcessEnvironment(env);
    omview.setProcessChannelMode(QProcess::MergedChannels);
    omview.start(QStringLiteral(OMVIEW_PATH),
                 {u"--local"_s, m_cluster->socketPath(1), u"--settings"_s,
                  m_dir.filePath(u"omview.ini"_s), u"--collector-socket"_s,
                  m_dir.filePath(u"no-collector.sock"_s), u"--screenshot"_s, shot,
                  u"--screenshot-interval"_s, u"1"_s});
    QVERIFY2(omview.waitForStarted(Slow), qPrintable(omview.errorString()));
    QString output;
    // A few writes in, every node has reported and the window has settled.
    const bool wrote = QTest::qWaitFor(
        [&] {
            output += QString::fromUtf8(omview.readAll());
            return output.count(u"omview: wrote"_s) >= 4 || omview.state() == QProcess::NotRunning;
        },
        Slow);
    omview.terminate();
    if (!omview.waitForFinished(Slow)) {
        omview.kill();
        omview.waitForFinished();
    }
    QVERIFY2(wrote && QFile::exists(shot), qPrintable(output));
}

// A collector database of three nodes over half an hour: loads, memory, processes every ten
// seconds (one of them migrating), and a checkpoint.
std::expected<QString, QString> TranslationsTest::writeDatabase() {
    const QString path = m_dir.filePath(u"collector.db"_s);
    if (QFile::exists(path))
        return path;
    using namespace omview::store;
    WriterOptions options;
    options.path = path;
    options.durability = Durability::Normal;
    auto writer = StoreWriter::open(options);
    if (!writer)
        return std::unexpected(writer.error().message);
    const std::int64_t start = (QDateTime::currentSecsSinceEpoch() - 1800) / 10 * 10;
    const auto sample = [](NodeId node, std::int64_t t) {
        NodeSample s;
        s.node = node;
        s.hostname = u"knoten%1"_s.arg(node);
        s.address = u"10.0.0.%1"_s.arg(node);
        s.status = 3;
        s.load = std::uint32_t(60 + 40 * node + 30 * std::sin(double(t) / (60.0 * node)));
        s.util = std::min<std::uint32_t>(100, s.load / 4);
        s.memTotal = std::uint64_t{8} << 30;
        s.memUsed = (std::uint64_t{1} << 30) * node + std::uint64_t(s.load) * (4 << 20);
        s.memFree = s.memTotal - s.memUsed;
        s.speed = 10000;
        s.cpus = 4;
        return s;
    };
    const auto process = [&](std::int32_t pid, const QString &user, const QString &command,
                             std::int64_t t, double cpu) {
        ProcessSample p;
        p.pid = pid;
        p.ppid = 1;
        p.uid = 1000;
        p.user = user;
        p.command = command;
        p.cmdline = u"/usr/bin/%1 --job %2"_s.arg(command).arg(pid);
        p.state = cpu > 50 ? 'R' : 'S';
        p.cpuPercent = cpu;
        p.cpuTimeMs = std::int64_t((t - start) * cpu * 10);
        p.rss = (std::uint64_t{64} << 20) + std::uint64_t(pid) * 4096;
        p.startTimeMs = start * 1000;
        return p;
    };
    for (std::int64_t t = start; t < start + 1800; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId node = 1; node <= 3; ++node)
            tick.nodes.append(sample(node, t));
        if (t % 10 == 0) {
            NodeProcesses one{1,
                              {process(100, u"anna"_s, u"render"_s, t, 95.0),
                               process(101, u"anna"_s, u"compress"_s, t, 40.0)}};
            // Migrated to node 2 for the middle ten minutes, as node 1 reports it.
            if (t >= start + 600 && t < start + 1200) {
                one.processes[0].where = 2;
                one.processes[0].nmigs = 1;
            }
            NodeProcesses two{2, {process(200, u"bernd"_s, u"simulate"_s, t, 99.0)}};
            NodeProcesses three{3, {process(300, u"clara"_s, u"backup"_s, t, 12.0)}};
            tick.processes = {one, two, three};
        }
        if (auto queued = (*writer)->submit(tick); !queued) {
            if (queued.error().kind != StoreError::Kind::Busy)
                return std::unexpected(queued.error().message);
            (*writer)->flush().waitForFinished();
            if (auto again = (*writer)->submit(tick); !again)
                return std::unexpected(again.error().message);
        }
    }
    auto mark = (*writer)->addCheckpoint(start + 900, u"Neues Release eingespielt"_s);
    mark.waitForFinished();
    if (!mark.result())
        return std::unexpected(mark.result().error().message);
    auto done = (*writer)->catchUp();
    done.waitForFinished();
    if (!done.result())
        return std::unexpected(done.result().error().message);
    (*writer)->close();
    return path;
}

// The real analyzer and history on a real collector database, as a German user sees them.
void TranslationsTest::germanAnalyzerAndHistory() {
    const auto database = writeDatabase();
    QVERIFY2(database, why(database).constData());
    QProcessEnvironment env = germanEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    const QList<std::pair<QString, QStringList>> runs = {
        {QStringLiteral(OMVIEW_ANALYZER_PATH),
         {*database, u"--range"_s, u"all"_s, u"--screenshot"_s,
          screenshotPath(u"translations-de-analyzer"_s)}},
        {QStringLiteral(OMVIEW_HISTORY_PATH),
         {*database, u"--node"_s, u"1"_s, u"--screenshot"_s,
          screenshotPath(u"translations-de-history"_s)}},
        {QStringLiteral(OMVIEW_HISTORY_PATH),
         {*database, u"--from"_s, u"-30min"_s, u"--screenshot"_s,
          screenshotPath(u"translations-de-history-ranking"_s)}},
    };
    for (const auto &[program, arguments] : runs) {
        QFile::remove(arguments.last());
        const auto ran = run(program, arguments, env, 2 * Slow);
        QVERIFY2(ran, why(ran).constData());
        QVERIFY2(ran->code == 0 && QFile::exists(arguments.last()),
                 qPrintable(u"%1 %2: %3"_s.arg(program, arguments.join(u' '), ran->output)));
    }
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
