// QVERIFY2 messages for the samplers' std::expected results.
#pragma once

#include <QByteArray>
#include <QString>
#include <expected>

// The error of a failed result, empty for a success. Going through has_value()
// first also keeps GCC from warning that the error may be read uninitialised.
inline QByteArray resultMessage(const std::expected<void, QString> &result) {
    return result.has_value() ? QByteArray() : result.error().toLocal8Bit();
}
