// The logging category of the sampler.
#pragma once

#include <QLoggingCategory>

namespace omview::sampler {
Q_DECLARE_LOGGING_CATEGORY(lcSampler)
}
