#include <algorithm>
#include <cmath>
#include <omview/console/speedscale.h>

namespace omview {

std::uint32_t SpeedScale::speedAt(int position) {
    const int p = std::clamp(position, 0, Positions);
    const double exact = std::pow(10.0, p / 100.0);
    if (exact < 100)
        return std::clamp(static_cast<std::uint32_t>(std::lround(exact)), MinSpeed, MaxSpeed);
    const double unit = std::pow(10.0, std::floor(std::log10(exact)) - 1);
    const auto rounded = static_cast<std::uint32_t>(std::lround(std::round(exact / unit) * unit));
    return std::clamp(rounded, MinSpeed, MaxSpeed);
}

int SpeedScale::positionOf(std::uint32_t speed) {
    const std::uint32_t s = std::clamp(speed, MinSpeed, MaxSpeed);
    return std::clamp(static_cast<int>(std::lround(100.0 * std::log10(double(s)))), 0, Positions);
}

} // namespace omview
