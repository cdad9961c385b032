// Whole-file reads and single-write(2) writes with the errno kept, as /proc/hpc needs them.
#pragma once

#include <QByteArray>
#include <QString>
#include <expected>

namespace omview::hpc {

// Reads @path to its end; fails with the errno of open or read.
std::expected<QByteArray, int> readWholeFile(const QString &path);

// Writes @data with one write(2), as the module requires; fails with its errno (EIO when the
// file took only part of it).
std::expected<void, int> writeWholeFile(const QString &path, const QByteArray &data);

} // namespace omview::hpc
