#include <omview/collector/collectorlog.h>

Q_LOGGING_CATEGORY(lcCollector, "omview.collector", QtInfoMsg)
