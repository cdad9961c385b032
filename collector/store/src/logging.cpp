#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "omview.store", QtInfoMsg)
