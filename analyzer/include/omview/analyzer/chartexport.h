// Writing what the analyzer shows to files: the charts as PNG or PDF (through
// ChartReport) and their points and statistics as CSV. Files appear only
// complete (written under a temporary name, then renamed); on failure nothing
// is left and the error names the file.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <expected>
#include <omview/analyzer/chartdata.h>

namespace omview::analyzer {

class ChartReport;

std::expected<void, QString> exportPng(const QString &path, const ChartReport &report,
                                       int width = 1200);
std::expected<void, QString> exportPdf(const QString &path, const ChartReport &report);

// The CSV files for @p target: target itself (every drawn point: node, name,
// metric, time, value) and <stem>-statistics.csv (the statistics table).
QStringList csvExportFiles(const QString &target);
// Writes both; returns their names.
std::expected<QStringList, QString> exportCsv(const QString &target, const QList<ChartData> &charts,
                                              const QList<QStringList> &statistics);

} // namespace omview::analyzer
