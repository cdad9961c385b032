// Why a JSON value could not be decoded: the path of the offending member and
// what is wrong with it, so an error can name exactly the field a user got wrong.
#pragma once

#include <QJsonObject>
#include <QString>
#include <utility>

namespace omview {

// A decoding or validation failure of one member of a JSON value.
struct ProtocolError {
    ProtocolError() = default;
    ProtocolError(QString fieldPath, QString what, QJsonObject details = {})
        : field(std::move(fieldPath))
        , message(std::move(what))
        , data(std::move(details)) {}

    // Path of the member: "speed", "overheads[2]", "changed[3].pid"; empty when
    // the value itself is wrong (e.g. "must be an object").
    QString field;
    QString message;
    // Machine-readable details for the error response's data ({"line": 3}).
    QJsonObject data;

    // "field: message", or the message alone when there is no field.
    QString toString() const;
    // The same error seen from the value that contains this one: `outer` is
    // the member name ("changed") or an index ("[3]") under which it sits.
    ProtocolError within(const QString &outer) const;

    bool operator==(const ProtocolError &) const = default;
};

} // namespace omview
