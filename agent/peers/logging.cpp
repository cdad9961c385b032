#include "logging.h"

Q_LOGGING_CATEGORY(lcPeers, "omview.peers", QtInfoMsg)
