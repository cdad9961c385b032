#include <climits>
#include <cmath>
#include <omview/protocol/rpcerror.h>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace omview {

RpcError::RpcError(ErrorCode c, QString msg, QJsonValue d)
    : RpcError(static_cast<int>(c), std::move(msg), std::move(d)) {}

RpcError::RpcError(int c, QString msg, QJsonValue d)
    : code(c)
    , message(std::move(msg))
    , data(std::move(d)) {}

RpcError RpcError::invalidParams(const ProtocolError &error) {
    QJsonObject data = error.data;
    if (!error.field.isEmpty())
        data.insert(u"param"_s, error.field);
    return {ErrorCode::InvalidParams, error.toString(),
            data.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(data)};
}

QString RpcError::toString() const {
    return u"%1 (%2)"_s.arg(message).arg(code);
}

QJsonObject toJson(const RpcError &error) {
    QJsonObject o{{u"code"_s, error.code}, {u"message"_s, error.message}};
    if (!error.data.isUndefined())
        o.insert(u"data"_s, error.data);
    return o;
}

std::expected<RpcError, ProtocolError> rpcErrorFromJson(const QJsonValue &value) {
    if (!value.isObject())
        return std::unexpected(ProtocolError{{}, u"must be an object"_s});
    const QJsonObject o = value.toObject();
    const QJsonValue code = o.value("code"_L1);
    const double c = code.toDouble(0.5);
    if (!code.isDouble() || std::trunc(c) != c || c < INT_MIN || c > INT_MAX)
        return std::unexpected(ProtocolError{u"code"_s, u"must be an integer"_s});
    if (!o.value("message"_L1).isString())
        return std::unexpected(ProtocolError{u"message"_s, u"must be a string"_s});
    return RpcError(static_cast<int>(c), o.value("message"_L1).toString(), o.value("data"_L1));
}

} // namespace omview
