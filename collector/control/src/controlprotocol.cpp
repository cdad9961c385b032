#include <QJsonArray>
#include <QSet>
#include <omview/collector/controlprotocol.h>

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

constexpr std::int64_t MaxTime = std::int64_t{1} << 40;
constexpr qsizetype MaxLabel = 200;

RpcError badParam(const QString &param, const QString &message) {
    return RpcError(ErrorCode::InvalidParams, u"%1: %2"_s.arg(param, message),
                    QJsonObject{{u"param"_s, param}});
}

RpcError badResult(const QString &field, const QString &message) {
    return RpcError(ErrorCode::BadResponse, u"result member %1: %2"_s.arg(field, message));
}

// The params object, refusing members not in @p known.
std::expected<QJsonObject, RpcError> paramsObject(const QJsonValue &params,
                                                  std::initializer_list<QLatin1StringView> known) {
    if (params.isUndefined())
        return QJsonObject{};
    if (!params.isObject())
        return std::unexpected(RpcError(ErrorCode::InvalidParams, u"params must be an object"_s));
    const QJsonObject o = params.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::ranges::find(known, it.key()) == known.end())
            return std::unexpected(badParam(it.key(), u"unknown parameter"_s));
    }
    return o;
}

std::expected<std::int64_t, RpcError> timeParam(const QJsonObject &o, const QString &name) {
    const QJsonValue v = o.value(name);
    if (v.isUndefined())
        return std::unexpected(badParam(name, u"missing"_s));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != static_cast<double>(static_cast<std::int64_t>(d)))
        return std::unexpected(badParam(name, u"must be an integer (seconds since the epoch)"_s));
    const std::int64_t t = v.toInteger();
    if (t < 0 || t > MaxTime)
        return std::unexpected(badParam(name, u"must be a time since the epoch, got %1"_s.arg(t)));
    return t;
}

std::optional<std::int64_t> optionalInteger(const QJsonObject &o, const QString &name) {
    const QJsonValue v = o.value(name);
    if (!v.isDouble())
        return std::nullopt;
    return v.toInteger();
}

} // namespace

QString formatName(SaveFormat format) {
    return format == SaveFormat::Csv ? u"csv"_s : u"sqlite"_s;
}

QJsonObject toJson(const CheckpointParams &p) {
    QJsonObject o{{u"label"_s, p.label}};
    if (p.time)
        o.insert(u"time"_s, static_cast<qint64>(*p.time));
    return o;
}

QJsonObject toJson(const CheckpointResult &r) {
    return {{u"id"_s, static_cast<qint64>(r.id)},
            {u"time"_s, static_cast<qint64>(r.time)},
            {u"label"_s, r.label}};
}

QJsonObject toJson(const SaveParams &p) {
    return {{u"from"_s, static_cast<qint64>(p.from)},
            {u"to"_s, static_cast<qint64>(p.to)},
            {u"file"_s, p.file},
            {u"format"_s, formatName(p.format)}};
}

QJsonObject toJson(const SaveResult &r) {
    return {{u"files"_s, QJsonArray::fromStringList(r.files)},
            {u"nodeRows"_s, static_cast<qint64>(r.nodeRows)},
            {u"processRows"_s, static_cast<qint64>(r.processRows)}};
}

QJsonObject toJson(const CollectorStatus &s) {
    QJsonObject o{
        {u"state"_s, s.state},
        {u"error"_s, s.error},
        {u"database"_s, s.database},
        {u"databaseBytes"_s, static_cast<qint64>(s.databaseBytes)},
        {u"agent"_s, s.agent},
        {u"agentState"_s, s.agentState},
        {u"agentError"_s, s.agentError},
        {u"nodes"_s, s.nodes},
        {u"processNodes"_s, s.processNodes},
        {u"processIntervalS"_s, s.processIntervalS},
        {u"ticksWritten"_s, static_cast<qint64>(s.ticksWritten)},
        {u"ticksDropped"_s, static_cast<qint64>(s.ticksDropped)},
        {u"retention"_s, QJsonObject{{u"raw"_s, static_cast<qint64>(s.retentionRawS)},
                                     {u"minute"_s, static_cast<qint64>(s.retentionMinuteS)},
                                     {u"hour"_s, static_cast<qint64>(s.retentionHourS)},
                                     {u"processes"_s, static_cast<qint64>(s.retentionProcessesS)}}},
        {u"pid"_s, static_cast<qint64>(s.pid)},
        {u"startedAt"_s, static_cast<qint64>(s.startedAt)},
    };
    if (s.agentNode)
        o.insert(u"agentNode"_s, static_cast<qint64>(*s.agentNode));
    if (s.lastTick)
        o.insert(u"lastTick"_s, static_cast<qint64>(*s.lastTick));
    if (s.first)
        o.insert(u"first"_s, static_cast<qint64>(*s.first));
    if (s.last)
        o.insert(u"last"_s, static_cast<qint64>(*s.last));
    return o;
}

std::expected<CheckpointParams, RpcError> checkpointParams(const QJsonValue &params) {
    auto o = paramsObject(params, {QLatin1StringView("label"), QLatin1StringView("time")});
    if (!o)
        return std::unexpected(o.error());
    CheckpointParams p;
    const QJsonValue label = o->value(u"label"_s);
    if (label.isUndefined())
        return std::unexpected(badParam(u"label"_s, u"missing"_s));
    if (!label.isString())
        return std::unexpected(badParam(u"label"_s, u"must be a string"_s));
    p.label = label.toString();
    if (p.label.trimmed().isEmpty())
        return std::unexpected(badParam(u"label"_s, u"must not be empty"_s));
    if (p.label.size() > MaxLabel)
        return std::unexpected(badParam(u"label"_s, u"longer than %1 characters"_s.arg(MaxLabel)));
    for (QChar c : p.label) {
        if (c.category() == QChar::Other_Control)
            return std::unexpected(badParam(u"label"_s, u"contains a control character"_s));
    }
    if (o->contains(u"time"_s)) {
        auto t = timeParam(*o, u"time"_s);
        if (!t)
            return std::unexpected(t.error());
        p.time = *t;
    }
    return p;
}

std::expected<SaveParams, RpcError> saveParams(const QJsonValue &params) {
    auto o = paramsObject(params, {QLatin1StringView("from"), QLatin1StringView("to"),
                                   QLatin1StringView("file"), QLatin1StringView("format")});
    if (!o)
        return std::unexpected(o.error());
    SaveParams p;
    auto from = timeParam(*o, u"from"_s);
    if (!from)
        return std::unexpected(from.error());
    auto to = timeParam(*o, u"to"_s);
    if (!to)
        return std::unexpected(to.error());
    if (*to < *from)
        return std::unexpected(badParam(u"to"_s, u"the range ends before it starts"_s));
    p.from = *from;
    p.to = *to;
    const QJsonValue file = o->value(u"file"_s);
    if (file.isUndefined())
        return std::unexpected(badParam(u"file"_s, u"missing"_s));
    if (!file.isString() || !file.toString().startsWith(u'/'))
        return std::unexpected(badParam(u"file"_s, u"must be an absolute path"_s));
    p.file = file.toString();
    const QJsonValue format = o->value(u"format"_s);
    if (!format.isUndefined()) {
        if (format == u"sqlite"_s)
            p.format = SaveFormat::Sqlite;
        else if (format == u"csv"_s)
            p.format = SaveFormat::Csv;
        else
            return std::unexpected(badParam(u"format"_s, u"must be \"sqlite\" or \"csv\""_s));
    }
    return p;
}

std::expected<void, RpcError> noParams(const QJsonValue &params) {
    auto o = paramsObject(params, {});
    if (!o)
        return std::unexpected(o.error());
    return {};
}

std::expected<CheckpointResult, RpcError> checkpointResult(const QJsonValue &result) {
    if (!result.isObject())
        return std::unexpected(badResult(u"(result)"_s, u"must be an object"_s));
    const QJsonObject o = result.toObject();
    CheckpointResult r;
    const auto id = optionalInteger(o, u"id"_s);
    const auto time = optionalInteger(o, u"time"_s);
    if (!id)
        return std::unexpected(badResult(u"id"_s, u"must be an integer"_s));
    if (!time)
        return std::unexpected(badResult(u"time"_s, u"must be an integer"_s));
    if (!o.value(u"label"_s).isString())
        return std::unexpected(badResult(u"label"_s, u"must be a string"_s));
    r.id = *id;
    r.time = *time;
    r.label = o.value(u"label"_s).toString();
    return r;
}

std::expected<SaveResult, RpcError> saveResult(const QJsonValue &result) {
    if (!result.isObject())
        return std::unexpected(badResult(u"(result)"_s, u"must be an object"_s));
    const QJsonObject o = result.toObject();
    SaveResult r;
    if (!o.value(u"files"_s).isArray())
        return std::unexpected(badResult(u"files"_s, u"must be an array"_s));
    for (const QJsonValue &f : o.value(u"files"_s).toArray()) {
        if (!f.isString())
            return std::unexpected(badResult(u"files"_s, u"must hold strings"_s));
        r.files.append(f.toString());
    }
    r.nodeRows = optionalInteger(o, u"nodeRows"_s).value_or(0);
    r.processRows = optionalInteger(o, u"processRows"_s).value_or(0);
    return r;
}

std::expected<CollectorStatus, RpcError> collectorStatus(const QJsonValue &result) {
    if (!result.isObject())
        return std::unexpected(badResult(u"(result)"_s, u"must be an object"_s));
    const QJsonObject o = result.toObject();
    if (!o.value(u"state"_s).isString())
        return std::unexpected(badResult(u"state"_s, u"must be a string"_s));
    CollectorStatus s;
    s.state = o.value(u"state"_s).toString();
    s.error = o.value(u"error"_s).toString();
    s.database = o.value(u"database"_s).toString();
    s.databaseBytes = optionalInteger(o, u"databaseBytes"_s).value_or(0);
    s.agent = o.value(u"agent"_s).toString();
    s.agentState = o.value(u"agentState"_s).toString();
    s.agentError = o.value(u"agentError"_s).toString();
    s.agentNode = optionalInteger(o, u"agentNode"_s);
    s.nodes = static_cast<int>(optionalInteger(o, u"nodes"_s).value_or(0));
    s.processNodes = static_cast<int>(optionalInteger(o, u"processNodes"_s).value_or(0));
    s.processIntervalS = static_cast<int>(optionalInteger(o, u"processIntervalS"_s).value_or(0));
    s.ticksWritten = optionalInteger(o, u"ticksWritten"_s).value_or(0);
    s.ticksDropped = optionalInteger(o, u"ticksDropped"_s).value_or(0);
    s.lastTick = optionalInteger(o, u"lastTick"_s);
    s.first = optionalInteger(o, u"first"_s);
    s.last = optionalInteger(o, u"last"_s);
    const QJsonObject retention = o.value(u"retention"_s).toObject();
    s.retentionRawS = optionalInteger(retention, u"raw"_s).value_or(0);
    s.retentionMinuteS = optionalInteger(retention, u"minute"_s).value_or(0);
    s.retentionHourS = optionalInteger(retention, u"hour"_s).value_or(0);
    s.retentionProcessesS = optionalInteger(retention, u"processes"_s).value_or(0);
    s.pid = optionalInteger(o, u"pid"_s).value_or(0);
    s.startedAt = optionalInteger(o, u"startedAt"_s).value_or(0);
    return s;
}

} // namespace omview::collector
