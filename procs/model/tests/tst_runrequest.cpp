// RunRequest: the proc.spawn params and the mosrun line of every where/policy/profile choice,
// the node lists openMosixview's first/last node fields became, and what is refused.
#include <QJsonArray>
#include <QTest>
#include <omview/procs/runrequest.h>
#include <omview/protocol/jobs.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

Q_DECLARE_METATYPE(omview::procs::RunPlacement)
Q_DECLARE_METATYPE(omview::procs::MigrationPolicy)
Q_DECLARE_METATYPE(omview::procs::JobProfile)

namespace {

RunRequest base() {
    RunRequest r;
    r.program = u"/usr/bin/render"_s;
    r.args = {u"frame 1"_s, u"-q"_s};
    r.cwd = u"/home/ann"_s;
    r.env = {u"PATH=/usr/bin:/bin"_s, u"LANG=C.UTF-8"_s};
    return r;
}

} // namespace

class RunRequestTest : public QObject {
    Q_OBJECT

private slots:
    void spawnParams_data() {
        QTest::addColumn<RunPlacement>("where");
        QTest::addColumn<MigrationPolicy>("policy");
        QTest::addColumn<JobProfile>("profile");
        QTest::addColumn<QJsonValue>("wantWhere");
        QTest::addColumn<QString>("wantLock");
        QTest::addColumn<QString>("wantProfile");
        QTest::addColumn<QString>("wantOptions");

        using P = RunPlacement;
        using M = MigrationPolicy;
        using J = JobProfile;
        QTest::newRow("best node, may migrate")
            << P::Balance << M::MayMigrate << J::None << QJsonValue(u"balance"_s) << u"unlock"_s
            << u"none"_s << u"-l"_s;
        QTest::newRow("best node, never migrate")
            << P::Balance << M::NeverMigrate << J::CpuJob << QJsonValue(u"balance"_s) << u"lock"_s
            << u"cpujob"_s << u"-L -c"_s;
        QTest::newRow("home, may migrate")
            << P::Home << M::MayMigrate << J::IoJob << QJsonValue(u"home"_s) << u"unlock"_s
            << u"iojob"_s << u"-h -l -i"_s;
        QTest::newRow("best node, locked to home")
            << P::Balance << M::LockedHome << J::NoDecay << QJsonValue(u"home"_s) << u"lock"_s
            << u"nodecay"_s << u"-h -L -n"_s;
        QTest::newRow("home, locked to home")
            << P::Home << M::LockedHome << J::None << QJsonValue(u"home"_s) << u"lock"_s
            << u"none"_s << u"-h -L"_s;
        QTest::newRow("node, may migrate")
            << P::Node << M::MayMigrate << J::SlowDecay << QJsonValue(3) << u"unlock"_s
            << u"slowdecay"_s << u"-3 -l -s"_s;
        QTest::newRow("node, stay") << P::Node << M::StayOnNode << J::FastDecay << QJsonValue(3)
                                    << u"lock"_s << u"fastdecay"_s << u"-3 -L -f"_s;
        QTest::newRow("node, never migrate")
            << P::Node << M::NeverMigrate << J::None << QJsonValue(3) << u"lock"_s << u"none"_s
            << u"-3 -L"_s;
    }
    void spawnParams() {
        QFETCH(RunPlacement, where);
        QFETCH(MigrationPolicy, policy);
        QFETCH(JobProfile, profile);
        QFETCH(QJsonValue, wantWhere);
        QFETCH(QString, wantLock);
        QFETCH(QString, wantProfile);
        QFETCH(QString, wantOptions);

        RunRequest r = base();
        r.where = where;
        r.node = 3;
        r.policy = policy;
        r.profile = profile;
        QCOMPARE(r.problem(), QString());
        QCOMPARE(r.instanceCount(), qsizetype(1));

        const QJsonObject p = r.toSpawnParams();
        QCOMPARE(p.value(u"program"_s).toString(), u"/usr/bin/render"_s);
        QCOMPARE(p.value(u"args"_s).toArray(), (QJsonArray{u"frame 1"_s, u"-q"_s}));
        QCOMPARE(p.value(u"cwd"_s).toString(), u"/home/ann"_s);
        QCOMPARE(p.value(u"env"_s).toArray(),
                 (QJsonArray{u"PATH=/usr/bin:/bin"_s, u"LANG=C.UTF-8"_s}));
        QCOMPARE(p.value(u"where"_s), wantWhere);
        QCOMPARE(p.value(u"lock"_s).toString(), wantLock);
        QCOMPARE(p.value(u"profile"_s).toString(), wantProfile);
        QVERIFY(!p.contains(u"node"_s)); // the home is the console's own agent
        // What the agent's own decoder makes of it.
        const auto decoded = fromJson<ProcSpawnParams>(p);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().toString()));
        QCOMPARE(decoded->lock, wantLock);

        QCOMPARE(r.mosrunCommandLine(),
                 u"cd /home/ann && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 mosrun %1 "
                 "/usr/bin/render 'frame 1' -q"_s.arg(wantOptions));
    }

    void parallelRunsStartOnePerNode() {
        RunRequest r = base();
        r.where = RunPlacement::Nodes;
        r.nodes = {2, 3, 4, 7};
        r.policy = MigrationPolicy::StayOnNode;
        r.profile = JobProfile::CpuJob;
        QCOMPARE(r.problem(), QString());
        QCOMPARE(r.instanceCount(), qsizetype(4));
        for (qsizetype i = 0; i < 4; ++i) {
            QCOMPARE(r.instanceNode(i), r.nodes.at(i));
            const QJsonObject p = r.toSpawnParams(i);
            QCOMPARE(p.value(u"where"_s), QJsonValue(qint64(r.nodes.at(i))));
            QCOMPARE(p.value(u"lock"_s).toString(), u"lock"_s);
            QCOMPARE(p.value(u"profile"_s).toString(), u"cpujob"_s);
        }
        QCOMPARE(r.mosrunCommandLine(),
                 u"cd /home/ann && for node in 2 3 4 7; do env -i PATH=/usr/bin:/bin "
                 "LANG=C.UTF-8 mosrun -$node -L -c /usr/bin/render 'frame 1' -q & done; wait"_s);

        // Migrating instances start one per node too, then the balancer may move them.
        r.policy = MigrationPolicy::MayMigrate;
        QCOMPARE(r.toSpawnParams(1).value(u"lock"_s).toString(), u"unlock"_s);
        QCOMPARE(r.toSpawnParams(1).value(u"where"_s), QJsonValue(3));
    }

    void theMosrunLineQuotesForTheShell() {
        RunRequest r;
        r.program = u"-odd name"_s;
        r.args = {QString(), u"it's"_s, u"$HOME"_s};
        r.cwd = u"/tmp/a dir"_s;
        r.env = {u"GREETING=hello world"_s};
        r.where = RunPlacement::Home;
        QCOMPARE(r.mosrunCommandLine(), u"cd '/tmp/a dir' && env -i 'GREETING=hello world' "
                                        "mosrun -h -l -- '-odd name' '' 'it'\\''s' '$HOME'"_s);
    }

    void refusedRequests_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("want");
        QTest::newRow("no program") << u"program"_s << u"Name the program"_s;
        QTest::newRow("relative directory") << u"cwd"_s << u"absolute path"_s;
        QTest::newRow("bad environment") << u"env"_s << u"is not NAME=value"_s;
        QTest::newRow("no node") << u"node"_s << u"Choose the node"_s;
        QTest::newRow("no nodes") << u"nodes"_s << u"List the nodes"_s;
        QTest::newRow("stay, on no node") << u"stay"_s << u"To stay on a node"_s;
        QTest::newRow("home, on nodes") << u"home"_s << u"locked to its home"_s;
    }
    void refusedRequests() {
        QFETCH(QString, field);
        QFETCH(QString, want);
        RunRequest r = base();
        if (field == u"program")
            r.program = u"  "_s;
        else if (field == u"cwd")
            r.cwd = u"home/ann"_s;
        else if (field == u"env")
            r.env.append(u"JUSTANAME"_s);
        else if (field == u"node")
            r.where = RunPlacement::Node;
        else if (field == u"nodes")
            r.where = RunPlacement::Nodes;
        else if (field == u"stay")
            r.policy = MigrationPolicy::StayOnNode;
        if (field == u"home") {
            r.where = RunPlacement::Nodes;
            r.nodes = {2};
            r.policy = MigrationPolicy::LockedHome;
        }
        QVERIFY2(r.problem().contains(want), qPrintable(r.problem()));
    }

    void nodeLists_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<NodeId>>("want");
        QTest::newRow("one") << u"5"_s << QList<NodeId>{5};
        QTest::newRow("range and one") << u"2-4,7"_s << QList<NodeId>{2, 3, 4, 7};
        QTest::newRow("spaces") << u" 2 - 4 , 7 "_s << QList<NodeId>{2, 3, 4, 7};
        QTest::newRow("order kept, each once") << u"7,2-3,3,7"_s << QList<NodeId>{7, 2, 3};
        QTest::newRow("one-node range") << u"4-4"_s << QList<NodeId>{4};
        QTest::newRow("highest") << u"65535"_s << QList<NodeId>{65535};
    }
    void nodeLists() {
        QFETCH(QString, text);
        QFETCH(QList<NodeId>, want);
        const auto got = parseNodeList(text);
        QVERIFY2(got, qPrintable(got ? QString() : got.error()));
        QCOMPARE(*got, want);
    }

    void refusedNodeLists_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("want");
        QTest::newRow("empty") << u""_s << u"List one node or more"_s;
        QTest::newRow("blank") << u"   "_s << u"List one node or more"_s;
        QTest::newRow("empty entry") << u"2,,4"_s << u"empty entry"_s;
        QTest::newRow("trailing comma") << u"2,"_s << u"empty entry"_s;
        QTest::newRow("word") << u"two"_s << u"'two' is not a node ID"_s;
        QTest::newRow("zero") << u"0-3"_s << u"'0' is not a node ID"_s;
        QTest::newRow("too high") << u"65536"_s << u"'65536' is not a node ID"_s;
        QTest::newRow("negative") << u"-3"_s << u"'-3' lacks a node ID"_s;
        QTest::newRow("open range") << u"2-"_s << u"'2-' lacks a node ID"_s;
        QTest::newRow("backwards") << u"4-2"_s << u"'4-2' is not a range"_s;
        QTest::newRow("double dash") << u"2-3-4"_s << u"'3-4' is not a node ID"_s;
        QTest::newRow("huge range") << u"1-60000"_s << u"names more than 128 nodes"_s;
        QTest::newRow("too many") << u"1-100,200-300"_s << u"More than 128 nodes"_s;
    }
    void refusedNodeLists() {
        QFETCH(QString, text);
        QFETCH(QString, want);
        const auto got = parseNodeList(text);
        QVERIFY(!got);
        QVERIFY2(got.error().contains(want), qPrintable(got.error()));
    }

    void formattedListsReadBack() {
        QCOMPARE(formatNodeList({2, 3, 4, 7}), u"2-4,7"_s);
        QCOMPARE(formatNodeList({1, 2, 5, 6, 7, 8, 10}), u"1,2,5-8,10"_s);
        QCOMPARE(formatNodeList({9, 3}), u"9,3"_s);
        QCOMPARE(formatNodeList({}), QString());
        const QList<NodeId> nodes{4, 5, 6, 1, 12};
        QCOMPARE(parseNodeList(formatNodeList(nodes)).value(), nodes);
    }

    void argumentsSplitAsAShellWould_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("want");
        QTest::newRow("nothing") << u"  "_s << QStringList();
        QTest::newRow("words") << u" -o  out.png\tscene.pov "_s
                               << QStringList{u"-o"_s, u"out.png"_s, u"scene.pov"_s};
        QTest::newRow("single quotes") << u"-c 'echo out; echo err >&2; exit 3'"_s
                                       << QStringList{u"-c"_s, u"echo out; echo err >&2; exit 3"_s};
        QTest::newRow("double quotes")
            << u"\"a \\\"b\\\" $c\\x\""_s << QStringList{u"a \"b\" $c\\x"_s};
        QTest::newRow("empty words") << u"'' \"\""_s << QStringList{QString(), QString()};
        QTest::newRow("backslashes") << u"a\\ b \\'c"_s << QStringList{u"a b"_s, u"'c"_s};
        QTest::newRow("glued") << u"x'y z'\"!\""_s << QStringList{u"xy z!"_s};
    }
    void argumentsSplitAsAShellWould() {
        QFETCH(QString, line);
        QFETCH(QStringList, want);
        const auto got = splitArguments(line);
        QVERIFY2(got, qPrintable(got ? QString() : got.error()));
        QCOMPARE(*got, want);
    }

    void badArgumentLinesAreRefused() {
        QVERIFY(splitArguments(u"'open"_s).error().contains(u"not closed"_s));
        QVERIFY(splitArguments(u"\"open"_s).error().contains(u"not closed"_s));
        QVERIFY(splitArguments(u"end\\"_s).error().contains(u"backslash"_s));
    }

    void quotedWordsReadBack() {
        const QStringList words{u"it's"_s, QString(), u"a b"_s, u"$HOME"_s, u"x\"y"_s};
        QStringList quoted;
        for (const QString &w : words)
            quoted.append(shellQuote(w));
        QCOMPARE(splitArguments(quoted.join(u' ')).value(), words);
    }

    void environmentEntries() {
        QCOMPARE(environmentEntryProblem(u"A_1=x=y"_s), QString());
        QCOMPARE(environmentEntryProblem(u"EMPTY="_s), QString());
        QVERIFY(environmentEntryProblem(u"=x"_s).contains(u"not a variable name"_s));
        QVERIFY(environmentEntryProblem(u"1A=x"_s).contains(u"not a variable name"_s));
        QVERIFY(environmentEntryProblem(u"NOVALUE"_s).contains(u"not NAME=value"_s));
    }

    void theDefaultEnvironmentIsSmall() {
        qputenv("PATH", "/opt/x/bin:/usr/bin");
        qputenv("HOME", "/home/test");
        qunsetenv("LANG");
        qputenv("DISPLAY", ":0");
        QCOMPARE(defaultEnvironment(),
                 (QStringList{u"PATH=/opt/x/bin:/usr/bin"_s, u"HOME=/home/test"_s}));
    }
};

QTEST_GUILESS_MAIN(RunRequestTest)
#include "tst_runrequest.moc"
