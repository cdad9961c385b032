// The analyzer's logging category, "omview.analyzer".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAnalyzer)
