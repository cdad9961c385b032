#include "logging.h"

Q_LOGGING_CATEGORY(lcProcsUi, "omview.procs.ui", QtInfoMsg)
