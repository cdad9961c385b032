#include "analyzerlog.h"

Q_LOGGING_CATEGORY(lcAnalyzer, "omview.analyzer", QtInfoMsg)
