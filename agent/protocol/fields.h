// Table-driven JSON codecs (private to omprotocol): each struct is described
// once as a list of fields, and encoding, strict or tolerant decoding, diffing
// and patching are all derived from that one list so they cannot disagree.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <expected>
#include <limits>
#include <omview/protocol/protocolerror.h>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

namespace omview::detail {

// What is wrong with a value, without the field's name; nullopt when fine.
using ValueError = std::optional<QString>;

// A short description of a value for error messages: the number or literal
// itself, or only the kind for strings and containers (which may be huge).
QString describe(const QJsonValue &value);

// How one C++ type maps to JSON. Specialised per type; enums are specialised
// next to their field tables.
template<class T> struct ValueCodec;

template<> struct ValueCodec<bool> {
    static QJsonValue encode(bool v) { return v; }
    static ValueError decode(const QJsonValue &j, bool &out) {
        if (!j.isBool())
            return QStringLiteral("must be true or false, got %1").arg(describe(j));
        out = j.toBool();
        return std::nullopt;
    }
};

// Integers travel as JSON integers. Qt keeps 64-bit integers exact; unsigned
// values above INT64_MAX cannot be represented and are sent as INT64_MAX.
template<class T>
    requires(std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char>)
struct ValueCodec<T> {
    static constexpr std::int64_t kMin = std::numeric_limits<T>::min();
    static constexpr std::uint64_t kMax = std::min<std::uint64_t>(
        std::numeric_limits<T>::max(), std::numeric_limits<std::int64_t>::max());

    static QJsonValue encode(T v) {
        if (std::cmp_greater(v, kMax))
            return static_cast<qint64>(kMax);
        return static_cast<qint64>(v);
    }
    static ValueError decode(const QJsonValue &j, T &out) {
        const double d = j.toDouble();
        if (!j.isDouble() || !std::isfinite(d) || std::trunc(d) != d)
            return QStringLiteral("must be an integer, got %1").arg(describe(j));
        // toInteger() is exact for integers Qt parsed as such and 0 when the
        // value does not fit 64 bits (then d cannot be 0).
        const qint64 i = j.toInteger(0);
        if ((i == 0 && d != 0) || std::cmp_less(i, kMin) || std::cmp_greater(i, kMax))
            return QStringLiteral("must be %1..%2, got %3").arg(kMin).arg(kMax).arg(describe(j));
        out = static_cast<T>(i);
        return std::nullopt;
    }
};

// Non-finite numbers have no JSON form; samplers never mean them, so they go out as 0.
template<> struct ValueCodec<double> {
    static QJsonValue encode(double v) { return std::isfinite(v) ? v : 0.0; }
    static ValueError decode(const QJsonValue &j, double &out) {
        if (!j.isDouble() || !std::isfinite(j.toDouble()))
            return QStringLiteral("must be a number, got %1").arg(describe(j));
        out = j.toDouble();
        return std::nullopt;
    }
};

template<> struct ValueCodec<QString> {
    static QJsonValue encode(const QString &v) { return v; }
    static ValueError decode(const QJsonValue &j, QString &out) {
        if (!j.isString())
            return QStringLiteral("must be a string, got %1").arg(describe(j));
        out = j.toString();
        return std::nullopt;
    }
};

// A single ASCII character (a process state) as a one-character string.
template<> struct ValueCodec<char> {
    static QJsonValue encode(char v) { return QString(QLatin1Char(v)); }
    static ValueError decode(const QJsonValue &j, char &out) {
        const QString s = j.toString();
        if (!j.isString() || s.size() != 1 || s.at(0).unicode() > 127)
            return QStringLiteral("must be a one-character ASCII string, got %1")
                .arg(j.isString() ? QStringLiteral("\"%1\"").arg(s.left(20)) : describe(j));
        out = static_cast<char>(s.at(0).unicode());
        return std::nullopt;
    }
};

template<class T, std::size_t N> struct ValueCodec<T[N]> {
    static QJsonValue encode(const T (&v)[N]) {
        QJsonArray a;
        for (const T &x : v)
            a.append(ValueCodec<T>::encode(x));
        return a;
    }
    static ValueError decode(const QJsonValue &j, T (&out)[N]) {
        const QJsonArray a = j.toArray();
        if (!j.isArray() || a.size() != static_cast<qsizetype>(N))
            return QStringLiteral("must be an array of %1 elements, got %2")
                .arg(N)
                .arg(j.isArray() ? QString::number(a.size()) : describe(j));
        T tmp[N];
        for (std::size_t i = 0; i < N; ++i) {
            if (ValueError e = ValueCodec<T>::decode(a.at(i), tmp[i]))
                return QStringLiteral("element %1 %2").arg(i).arg(*e);
        }
        std::copy(std::begin(tmp), std::end(tmp), std::begin(out));
        return std::nullopt;
    }
};

template<class T> struct ValueCodec<QList<T>> {
    static QJsonValue encode(const QList<T> &v) {
        QJsonArray a;
        for (const T &x : v)
            a.append(ValueCodec<T>::encode(x));
        return a;
    }
    static ValueError decode(const QJsonValue &j, QList<T> &out) {
        if (!j.isArray())
            return QStringLiteral("must be an array, got %1").arg(describe(j));
        const QJsonArray a = j.toArray();
        QList<T> tmp(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (ValueError e = ValueCodec<T>::decode(a.at(i), tmp[i]))
                return QStringLiteral("element %1 %2").arg(i).arg(*e);
        }
        out = std::move(tmp);
        return std::nullopt;
    }
};

template<> struct ValueCodec<QJsonObject> {
    static QJsonValue encode(const QJsonObject &v) { return v; }
    static ValueError decode(const QJsonValue &j, QJsonObject &out) {
        if (!j.isObject())
            return QStringLiteral("must be an object, got %1").arg(describe(j));
        out = j.toObject();
        return std::nullopt;
    }
};

template<class M> struct MemberPointer;
template<class C, class M> struct MemberPointer<M C::*> {
    using Class = C;
    using Type = M;
};

template<class T> struct Optional : std::false_type {
    using Inner = T;
};
template<class T> struct Optional<std::optional<T>> : std::true_type {
    using Inner = T;
};

// A range or consistency check of a decoded value beyond its JSON type.
template<class T> using Check = ValueError (*)(const T &);

enum class Presence { Required, Optional };

// One member of struct C. Optional members (std::optional, or members with a
// meaningful default marked Presence::Optional) may be absent when decoding.
template<class C> struct Field {
    QLatin1StringView name;
    bool required;
    QJsonValue (*encode)(const C &); // Undefined = leave the member out
    ValueError (*decode)(const QJsonValue &, C &);
    bool (*equal)(const C &, const C &);
};

template<class T> bool sameValue(const T &a, const T &b) {
    if constexpr (std::is_array_v<T>)
        return std::ranges::equal(a, b);
    else
        return a == b;
}

// The field of member P, checked by Check (a function taking the member's
// value type, or nullptr for none) after its JSON type is right.
template<auto P, auto CheckFn = nullptr>
constexpr auto field(QLatin1StringView name, Presence presence = Presence::Required) {
    using C = typename MemberPointer<decltype(P)>::Class;
    using M = typename MemberPointer<decltype(P)>::Type;
    using Inner = typename Optional<M>::Inner;
    constexpr bool isOptional = Optional<M>::value;
    return Field<C>{
        name,
        !isOptional && presence == Presence::Required,
        [](const C &c) -> QJsonValue {
            if constexpr (isOptional)
                return (c.*P) ? ValueCodec<Inner>::encode(*(c.*P))
                              : QJsonValue(QJsonValue::Undefined);
            else
                return ValueCodec<M>::encode(c.*P);
        },
        [](const QJsonValue &j, C &c) -> ValueError {
            Inner value{};
            if constexpr (std::is_array_v<Inner>)
                std::copy(std::begin(c.*P), std::end(c.*P), std::begin(value));
            if (ValueError e = ValueCodec<Inner>::decode(j, value))
                return e;
            if constexpr (!std::is_same_v<decltype(CheckFn), std::nullptr_t>) {
                if (ValueError e = CheckFn(value))
                    return e;
            }
            if constexpr (std::is_array_v<Inner>)
                std::copy(std::begin(value), std::end(value), std::begin(c.*P));
            else
                c.*P = std::move(value);
            return std::nullopt;
        },
        [](const C &a, const C &b) { return sameValue(a.*P, b.*P); },
    };
}

template<class C>
void encodeFields(const C &value, std::span<const Field<C>> fields, QJsonObject &out) {
    for (const Field<C> &f : fields) {
        QJsonValue j = f.encode(value);
        if (!j.isUndefined())
            out.insert(f.name, std::move(j));
    }
}

template<class C> QJsonObject encodeFields(const C &value, std::span<const Field<C>> fields) {
    QJsonObject o;
    encodeFields(value, fields, o);
    return o;
}

// What decoding does with members the table does not know: results and
// notifications ignore them (an agent may add fields), parameters refuse
// them (a typo must not silently do nothing).
enum class Unknown { Ignore, Reject };

template<class C>
std::optional<ProtocolError> rejectUnknown(const QJsonObject &o, std::span<const Field<C>> fields) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const bool known =
            std::ranges::any_of(fields, [&](const Field<C> &f) { return f.name == key; });
        if (!known)
            return ProtocolError{key, QStringLiteral("unknown field")};
    }
    return std::nullopt;
}

// Decodes every field of the table from o into out. On error out may be half
// written: callers decode into a scratch value.
template<class C>
std::optional<ProtocolError> decodeFields(const QJsonObject &o, std::span<const Field<C>> fields,
                                          C &out, Unknown unknown) {
    if (unknown == Unknown::Reject) {
        if (auto e = rejectUnknown(o, fields))
            return e;
    }
    for (const Field<C> &f : fields) {
        const auto it = o.constFind(f.name);
        if (it == o.constEnd()) {
            if (f.required)
                return ProtocolError{f.name, QStringLiteral("missing")};
            continue;
        }
        if (ValueError e = f.decode(*it, out))
            return ProtocolError{f.name, *e};
    }
    return std::nullopt;
}

// The fields whose values differ, with their values in `after`.
template<class C>
QJsonObject diffFields(const C &before, const C &after, std::span<const Field<C>> fields) {
    QJsonObject o;
    for (const Field<C> &f : fields) {
        if (!f.equal(before, after)) {
            QJsonValue j = f.encode(after);
            if (!j.isUndefined())
                o.insert(f.name, std::move(j));
        }
    }
    return o;
}

// Applies the fields of the table present in patch to target; members the
// table does not know are left for the caller (see Unknown). Half-applied on
// error: callers patch a copy.
template<class C>
std::optional<ProtocolError> patchFields(C &target, const QJsonObject &patch,
                                         std::span<const Field<C>> fields) {
    for (const Field<C> &f : fields) {
        const auto it = patch.constFind(f.name);
        if (it == patch.constEnd())
            continue;
        if (ValueError e = f.decode(*it, target))
            return ProtocolError{f.name, *e};
    }
    return std::nullopt;
}

// The params of a request: absent means {}, unknown members are refused.
inline QJsonObject objectOrEmpty(const QJsonValue &value) {
    return value.isObject() ? value.toObject() : QJsonObject();
}

template<class C>
std::expected<C, ProtocolError> decodeParamsObject(const QJsonValue &value,
                                                   std::span<const Field<C>> fields) {
    if (!value.isUndefined() && !value.isObject())
        return std::unexpected(ProtocolError{
            {}, QStringLiteral("params must be an object, got %1").arg(describe(value))});
    C out{};
    if (auto e = decodeFields<C>(objectOrEmpty(value), fields, out, Unknown::Reject))
        return std::unexpected(*e);
    return out;
}

// Results and notifications: unknown members are ignored.
template<class C>
std::expected<C, ProtocolError> decodeResultObject(const QJsonValue &value,
                                                   std::span<const Field<C>> fields) {
    if (!value.isObject())
        return std::unexpected(
            ProtocolError{{}, QStringLiteral("must be an object, got %1").arg(describe(value))});
    C out{};
    if (auto e = decodeFields<C>(value.toObject(), fields, out, Unknown::Ignore))
        return std::unexpected(*e);
    return out;
}

} // namespace omview::detail
