#include <omview/protocol/protocolerror.h>

namespace omview {

QString ProtocolError::toString() const {
    return field.isEmpty() ? message : field + QLatin1StringView(": ") + message;
}

ProtocolError ProtocolError::within(const QString &outer) const {
    if (field.isEmpty())
        return {outer, message, data};
    if (field.startsWith(QLatin1Char('[')))
        return {outer + field, message, data};
    return {outer + QLatin1Char('.') + field, message, data};
}

} // namespace omview
