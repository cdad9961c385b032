#include "typefields.h"

#include <map>
#include <omview/protocol/delta.h>

namespace omview {

using namespace detail;

namespace {

// What the generic list code needs to know of an element type.
template<class T> struct Keyed;

template<> struct Keyed<ProcessInfo> {
    using Key = std::int32_t;
    using Delta = ProcessListDelta;
    static constexpr QLatin1StringView keyName{"pid"};
    static constexpr QLatin1StringView noun{"process"};
    static Key key(const ProcessInfo &p) { return p.pid; }
    static QJsonObject diff(const ProcessInfo &a, const ProcessInfo &b) {
        return diffFields<ProcessInfo>(a, b, processInfoFields);
    }
    static std::optional<ProtocolError> patch(ProcessInfo &p, const QJsonObject &o) {
        return patchFields<ProcessInfo>(p, o, processInfoFields);
    }
};

template<> struct Keyed<NodeRecord> {
    using Key = NodeId;
    using Delta = NodeRecordListDelta;
    static constexpr QLatin1StringView keyName{"id"};
    static constexpr QLatin1StringView noun{"node"};
    static Key key(const NodeRecord &r) { return r.node.id; }
    static QJsonObject diff(const NodeRecord &a, const NodeRecord &b) {
        QJsonObject o = diffFields<NodeStatus>(a.node, b.node, nodeStatusFields);
        const QJsonObject own = diffFields<NodeRecord>(a, b, nodeRecordOwnFields);
        for (auto it = own.begin(); it != own.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    static std::optional<ProtocolError> patch(NodeRecord &r, const QJsonObject &o) {
        if (auto e = patchFields<NodeStatus>(r.node, o, nodeStatusFields))
            return e;
        return patchFields<NodeRecord>(r, o, nodeRecordOwnFields);
    }
};

template<class T> using KeyOf = typename Keyed<T>::Key;

template<class T> std::map<KeyOf<T>, T> byKey(const QList<T> &list) {
    std::map<KeyOf<T>, T> m;
    for (const T &v : list)
        m.insert_or_assign(Keyed<T>::key(v), v);
    return m;
}

template<class T>
typename Keyed<T>::Delta makeListDelta(const QList<T> &beforeList, const QList<T> &afterList) {
    const auto before = byKey(beforeList);
    const auto after = byKey(afterList);
    typename Keyed<T>::Delta d;
    for (const auto &[key, value] : after) {
        const auto it = before.find(key);
        if (it == before.end()) {
            d.added.append(value);
            continue;
        }
        QJsonObject changed = Keyed<T>::diff(it->second, value);
        if (!changed.isEmpty()) {
            changed.insert(Keyed<T>::keyName, ValueCodec<KeyOf<T>>::encode(key));
            d.changed.append(changed);
        }
    }
    for (const auto &[key, value] : before) {
        if (!after.contains(key))
            d.removed.append(key);
    }
    return d;
}

template<class T>
ProtocolError entryError(const char *list, qsizetype index, const QString &message) {
    return {QStringLiteral("%1[%2]").arg(QLatin1StringView(list)).arg(index), message};
}

template<class T>
std::expected<QList<T>, ProtocolError> applyListDelta(const QList<T> &stateList,
                                                      const typename Keyed<T>::Delta &d) {
    using K = Keyed<T>;
    auto state = byKey(stateList);
    for (qsizetype i = 0; i < d.removed.size(); ++i) {
        if (state.erase(d.removed[i]) == 0)
            return std::unexpected(entryError<T>(
                "removed", i, QStringLiteral("no %1 %2").arg(K::noun).arg(d.removed[i])));
    }
    for (qsizetype i = 0; i < d.changed.size(); ++i) {
        const QJsonObject &patch = d.changed[i];
        KeyOf<T> key{};
        const auto keyValue = patch.constFind(K::keyName);
        if (keyValue == patch.constEnd())
            return std::unexpected(ProtocolError{K::keyName, QStringLiteral("missing")}.within(
                QStringLiteral("changed[%1]").arg(i)));
        if (ValueError e = ValueCodec<KeyOf<T>>::decode(*keyValue, key))
            return std::unexpected(
                ProtocolError{K::keyName, *e}.within(QStringLiteral("changed[%1]").arg(i)));
        const auto it = state.find(key);
        if (it == state.end())
            return std::unexpected(
                entryError<T>("changed", i, QStringLiteral("no %1 %2").arg(K::noun).arg(key)));
        T updated = it->second;
        if (auto e = K::patch(updated, patch))
            return std::unexpected(e->within(QStringLiteral("changed[%1]").arg(i)));
        it->second = std::move(updated);
    }
    for (qsizetype i = 0; i < d.added.size(); ++i) {
        const KeyOf<T> key = K::key(d.added[i]);
        if (!state.try_emplace(key, d.added[i]).second)
            return std::unexpected(entryError<T>(
                "added", i, QStringLiteral("%1 %2 is already present").arg(K::noun).arg(key)));
    }
    QList<T> out;
    out.reserve(static_cast<qsizetype>(state.size()));
    for (auto &[key, value] : state)
        out.append(std::move(value));
    return out;
}

template<class T> QJsonObject listDeltaToJson(const typename Keyed<T>::Delta &d) {
    QJsonArray changed;
    for (const QJsonObject &c : d.changed)
        changed.append(c);
    return {{QStringLiteral("added"), toJsonArray(d.added)},
            {QStringLiteral("changed"), changed},
            {QStringLiteral("removed"), ValueCodec<QList<KeyOf<T>>>::encode(d.removed)}};
}

template<class T>
std::expected<typename Keyed<T>::Delta, ProtocolError> listDeltaFromJson(const QJsonValue &value) {
    if (!value.isObject())
        return std::unexpected(
            ProtocolError{{}, QStringLiteral("must be an object, got %1").arg(describe(value))});
    const QJsonObject o = value.toObject();
    typename Keyed<T>::Delta d;
    for (const char *name : {"added", "changed", "removed"}) {
        if (!o.contains(QLatin1StringView(name)))
            return std::unexpected(
                ProtocolError{QString::fromLatin1(name), QStringLiteral("missing")});
    }
    auto added = fromJson<QList<T>>(o.value(QLatin1StringView("added")));
    if (!added)
        return std::unexpected(added.error().within(QStringLiteral("added")));
    d.added = std::move(*added);
    const QJsonValue changed = o.value(QLatin1StringView("changed"));
    if (!changed.isArray())
        return std::unexpected(
            ProtocolError{QStringLiteral("changed"),
                          QStringLiteral("must be an array, got %1").arg(describe(changed))});
    const QJsonArray changedArray = changed.toArray();
    for (qsizetype i = 0; i < changedArray.size(); ++i) {
        if (!changedArray[i].isObject())
            return std::unexpected(entryError<T>(
                "changed", i,
                QStringLiteral("must be an object, got %1").arg(describe(changedArray[i]))));
        d.changed.append(changedArray[i].toObject());
    }
    if (ValueError e =
            ValueCodec<QList<KeyOf<T>>>::decode(o.value(QLatin1StringView("removed")), d.removed))
        return std::unexpected(ProtocolError{QStringLiteral("removed"), *e});
    return d;
}

template<class T, class K>
QList<K> keysOf(const QList<QJsonObject> &changed, QLatin1StringView keyName) {
    QList<K> keys;
    keys.reserve(changed.size());
    for (const QJsonObject &c : changed) {
        K key{};
        if (!ValueCodec<K>::decode(c.value(keyName), key))
            keys.append(key);
    }
    return keys;
}

} // namespace

QList<std::int32_t> ProcessListDelta::changedPids() const {
    return keysOf<ProcessInfo, std::int32_t>(changed, Keyed<ProcessInfo>::keyName);
}

QList<NodeId> NodeRecordListDelta::changedIds() const {
    return keysOf<NodeRecord, NodeId>(changed, Keyed<NodeRecord>::keyName);
}

ProcessListDelta makeDelta(const QList<ProcessInfo> &before, const QList<ProcessInfo> &after) {
    return makeListDelta(before, after);
}

NodeRecordListDelta makeDelta(const QList<NodeRecord> &before, const QList<NodeRecord> &after) {
    return makeListDelta(before, after);
}

QJsonObject makeDelta(const NodeStatus &before, const NodeStatus &after) {
    return diffFields<NodeStatus>(before, after, nodeStatusFields);
}

std::expected<QList<ProcessInfo>, ProtocolError> applyDelta(const QList<ProcessInfo> &state,
                                                            const ProcessListDelta &delta) {
    return applyListDelta<ProcessInfo>(state, delta);
}

std::expected<QList<NodeRecord>, ProtocolError> applyDelta(const QList<NodeRecord> &state,
                                                           const NodeRecordListDelta &delta) {
    return applyListDelta<NodeRecord>(state, delta);
}

std::expected<NodeStatus, ProtocolError> applyDelta(const NodeStatus &state,
                                                    const QJsonObject &delta) {
    NodeStatus updated = state;
    if (auto e = patchFields<NodeStatus>(updated, delta, nodeStatusFields))
        return std::unexpected(*e);
    return updated;
}

QJsonObject toJson(const ProcessListDelta &delta) {
    return listDeltaToJson<ProcessInfo>(delta);
}

QJsonObject toJson(const NodeRecordListDelta &delta) {
    return listDeltaToJson<NodeRecord>(delta);
}

template<>
std::expected<ProcessListDelta, ProtocolError> fromJson<ProcessListDelta>(const QJsonValue &value) {
    return listDeltaFromJson<ProcessInfo>(value);
}

template<>
std::expected<NodeRecordListDelta, ProtocolError>
fromJson<NodeRecordListDelta>(const QJsonValue &value) {
    return listDeltaFromJson<NodeRecord>(value);
}

QJsonObject toJson(const MigrationsDelta &delta) {
    return {{QStringLiteral("events"), toJsonArray(delta.events)}};
}

template<>
std::expected<MigrationsDelta, ProtocolError> fromJson<MigrationsDelta>(const QJsonValue &value) {
    if (!value.isObject())
        return std::unexpected(
            ProtocolError{{}, QStringLiteral("must be an object, got %1").arg(describe(value))});
    const QJsonValue events = value.toObject().value(QLatin1StringView("events"));
    if (events.isUndefined())
        return std::unexpected(ProtocolError{QStringLiteral("events"), QStringLiteral("missing")});
    auto decoded = fromJson<QList<MigrationEvent>>(events);
    if (!decoded)
        return std::unexpected(decoded.error().within(QStringLiteral("events")));
    return MigrationsDelta{std::move(*decoded)};
}

} // namespace omview
