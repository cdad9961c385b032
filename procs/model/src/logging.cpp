#include "logging.h"

Q_LOGGING_CATEGORY(lcProcsModel, "omview.procs.model", QtInfoMsg)
