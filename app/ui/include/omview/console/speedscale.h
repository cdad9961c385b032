// The speed slider's scale: logarithmic over the module's whole range.
#pragma once

#include <cstdint>

namespace omview {

// Maps slider positions to speeds and back. Speeds run from 1 to 1000000 (hpc/tune.h), far too
// wide for a linear slider: position p stands for 10^(p/100), so 10000 (the standard processor)
// sits at two thirds and each step changes the speed by about 2 %. Speeds chosen on the slider
// are rounded to two significant digits (12000, 9500), which is as precise as a drag can be.
struct SpeedScale {
    static constexpr int Positions = 600;
    static constexpr std::uint32_t MinSpeed = 1;
    static constexpr std::uint32_t MaxSpeed = 1000000;

    // The speed at a position (clamped to 0..Positions), rounded to two significant digits.
    static std::uint32_t speedAt(int position);
    // The position nearest to a speed (clamped to the range).
    static int positionOf(std::uint32_t speed);
};

} // namespace omview
