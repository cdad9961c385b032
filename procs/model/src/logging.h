// The logging category of omprocsmodel (private).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProcsModel)
