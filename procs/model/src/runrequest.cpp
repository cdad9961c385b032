#include <QDir>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <omview/procs/runrequest.h>
#include <omview/protocol/jobs.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

namespace {

std::expected<NodeId, QString> parseNode(const QString &text, const QString &part) {
    bool ok = false;
    const uint id = text.trimmed().toUInt(&ok);
    if (text.trimmed().isEmpty())
        return std::unexpected(RunRequest::tr("'%1' lacks a node ID").arg(part));
    if (!ok || id < 1 || id > 65535)
        return std::unexpected(
            RunRequest::tr("'%1' is not a node ID (1 to 65535)").arg(text.trimmed()));
    return NodeId(id);
}

// Where one instance goes, and whether it is locked, once the policy had its say.
JobPlacement placementOf(const RunRequest &r, qsizetype instance) {
    if (r.policy == MigrationPolicy::LockedHome)
        return {JobPlacement::Kind::Home, {}};
    switch (r.where) {
    case RunPlacement::Home:
        return {JobPlacement::Kind::Home, {}};
    case RunPlacement::Node:
        return {JobPlacement::Kind::Node, {r.node}};
    case RunPlacement::Nodes:
        return {JobPlacement::Kind::Node, {r.nodes.value(instance)}};
    case RunPlacement::Balance:
        break;
    }
    return {JobPlacement::Kind::Balance, {}};
}

} // namespace

QString lockName(MigrationPolicy policy) {
    return policy == MigrationPolicy::MayMigrate ? u"unlock"_s : u"lock"_s;
}

QString profileName(JobProfile profile) {
    return QString(jobProfileNames[int(profile)]);
}

QString profileOption(JobProfile profile) {
    switch (profile) {
    case JobProfile::None:
        break;
    case JobProfile::CpuJob:
        return u"-c"_s;
    case JobProfile::IoJob:
        return u"-i"_s;
    case JobProfile::NoDecay:
        return u"-n"_s;
    case JobProfile::SlowDecay:
        return u"-s"_s;
    case JobProfile::FastDecay:
        return u"-f"_s;
    }
    return {};
}

QString RunRequest::problem() const {
    if (program.trimmed().isEmpty())
        return tr("Name the program to run.");
    if (cwd.isEmpty() || !QDir::isAbsolutePath(cwd))
        return tr("The working directory must be an absolute path.");
    for (const QString &e : env)
        if (const QString p = environmentEntryProblem(e); !p.isEmpty())
            return p;
    const bool onNodes = where == RunPlacement::Node || where == RunPlacement::Nodes;
    if (where == RunPlacement::Node && node == 0)
        return tr("Choose the node to run on.");
    if (where == RunPlacement::Nodes && nodes.isEmpty())
        return tr("List the nodes to run on.");
    if (where == RunPlacement::Nodes && nodes.size() > MaxInstances)
        return tr("At most %1 instances can start at once.").arg(MaxInstances);
    if (policy == MigrationPolicy::StayOnNode && !onNodes)
        return tr("To stay on a node, choose the node (or nodes) to run on.");
    if (policy == MigrationPolicy::LockedHome && onNodes)
        return tr("A job locked to its home runs here, not on the nodes chosen.");
    return {};
}

qsizetype RunRequest::instanceCount() const {
    return where == RunPlacement::Nodes && policy != MigrationPolicy::LockedHome
               ? std::max<qsizetype>(nodes.size(), 1)
               : 1;
}

NodeId RunRequest::instanceNode(qsizetype instance) const {
    const JobPlacement p = placementOf(*this, instance);
    return p.kind == JobPlacement::Kind::Node ? p.nodes.value(0) : 0;
}

QJsonObject RunRequest::toSpawnParams(qsizetype instance) const {
    ProcSpawnParams p;
    p.program = program;
    p.args = args;
    p.cwd = cwd;
    p.env = env;
    p.where = placementOf(*this, instance);
    p.lock = lockName(policy);
    p.profile = profileName(profile);
    return toJson(p);
}

QString RunRequest::mosrunCommandLine() const {
    QStringList mosrun{u"mosrun"_s};
    const JobPlacement first = placementOf(*this, 0);
    const bool parallel = instanceCount() > 1;
    if (parallel)
        mosrun.append(u"-$node"_s);
    else if (first.kind == JobPlacement::Kind::Home)
        mosrun.append(u"-h"_s);
    else if (first.kind == JobPlacement::Kind::Node)
        mosrun.append(u"-%1"_s.arg(first.nodes.value(0)));
    mosrun.append(policy == MigrationPolicy::MayMigrate ? u"-l"_s : u"-L"_s);
    if (profile != JobProfile::None)
        mosrun.append(profileOption(profile));
    // A program that looks like an option would be read as one.
    if (program.startsWith(u'-'))
        mosrun.append(u"--"_s);
    mosrun.append(shellQuote(program));
    for (const QString &a : args)
        mosrun.append(shellQuote(a));

    // mosrun gives the job its own directory and environment: set both as the wizard would.
    QStringList envCommand{u"env"_s, u"-i"_s};
    for (const QString &e : env)
        envCommand.append(shellQuote(e));
    const QString one = envCommand.join(u' ') + u' ' + mosrun.join(u' ');
    const QString cd = u"cd "_s + shellQuote(cwd) + u" && "_s;
    if (!parallel)
        return cd + one;
    QStringList ids;
    for (NodeId n : nodes)
        ids.append(QString::number(n));
    return cd + u"for node in "_s + ids.join(u' ') + u"; do "_s + one + u" & done; wait"_s;
}

std::expected<QList<NodeId>, QString> parseNodeList(const QString &text) {
    QList<NodeId> nodes;
    if (text.trimmed().isEmpty())
        return std::unexpected(RunRequest::tr("List one node or more, such as 2-4,7."));
    for (const QString &part : text.split(u',')) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            return std::unexpected(RunRequest::tr("An empty entry between commas."));
        const qsizetype dash = item.indexOf(u'-');
        const auto first = parseNode(dash < 0 ? item : item.left(dash), item);
        if (!first)
            return std::unexpected(first.error());
        NodeId last = *first;
        if (dash >= 0) {
            const auto end = parseNode(item.mid(dash + 1), item);
            if (!end)
                return std::unexpected(end.error());
            last = *end;
        }
        if (last < *first)
            return std::unexpected(
                RunRequest::tr("'%1' is not a range: it ends before it starts").arg(item));
        if (last - *first >= NodeId(RunRequest::MaxInstances))
            return std::unexpected(RunRequest::tr("'%1' names more than %2 nodes")
                                       .arg(item)
                                       .arg(RunRequest::MaxInstances));
        for (NodeId n = *first; n <= last; ++n)
            if (!nodes.contains(n))
                nodes.append(n);
        if (nodes.size() > RunRequest::MaxInstances)
            return std::unexpected(
                RunRequest::tr("More than %1 nodes listed.").arg(RunRequest::MaxInstances));
    }
    return nodes;
}

QString formatNodeList(const QList<NodeId> &nodes) {
    QStringList parts;
    for (qsizetype i = 0; i < nodes.size();) {
        qsizetype j = i;
        while (j + 1 < nodes.size() && nodes.at(j + 1) == nodes.at(j) + 1)
            ++j;
        // Two neighbours read as well listed as ranged; three or more as a range.
        if (j - i >= 2)
            parts.append(u"%1-%2"_s.arg(nodes.at(i)).arg(nodes.at(j)));
        else
            for (qsizetype k = i; k <= j; ++k)
                parts.append(QString::number(nodes.at(k)));
        i = j + 1;
    }
    return parts.join(u',');
}

QString environmentEntryProblem(const QString &entry) {
    static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    const qsizetype eq = entry.indexOf(u'=');
    if (eq < 0)
        return RunRequest::tr("'%1' is not NAME=value.").arg(entry.left(40));
    if (!name.match(entry.left(eq)).hasMatch())
        return RunRequest::tr("'%1' is not a variable name.").arg(entry.left(eq).left(40));
    if (entry.contains(QChar(0)))
        return RunRequest::tr("'%1' holds a NUL character.").arg(entry.left(eq));
    return {};
}

QStringList defaultEnvironment() {
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QStringList env;
    for (const QString &name : {u"PATH"_s, u"HOME"_s, u"LANG"_s})
        if (system.contains(name))
            env.append(name + u'=' + system.value(name));
    return env;
}

QString shellQuote(const QString &word) {
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

std::expected<QStringList, QString> splitArguments(const QString &line) {
    QStringList words;
    QString word;
    bool inWord = false; // '' and "" make a word even when empty
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u' ' || c == u'\t' || c == u'\n') {
            if (inWord)
                words.append(std::exchange(word, {}));
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == u'\\') {
            if (++i == line.size())
                return std::unexpected(RunRequest::tr("The arguments end in a backslash."));
            word += line.at(i);
        } else if (c == u'\'') {
            const qsizetype end = line.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::unexpected(RunRequest::tr("A ' quote in the arguments is not closed."));
            word += line.mid(i + 1, end - i - 1);
            i = end;
        } else if (c == u'"') {
            for (++i;; ++i) {
                if (i == line.size())
                    return std::unexpected(
                        RunRequest::tr("A \" quote in the arguments is not closed."));
                const QChar q = line.at(i);
                if (q == u'"')
                    break;
                if (q == u'\\' && i + 1 < line.size() &&
                    QStringView(u"\"\\$`").contains(line.at(i + 1)))
                    ++i;
                word += line.at(i);
            }
        } else {
            word += c;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace omview::procs
