// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fuzz target for nvidia-smi's parsers (the sampling stream, CSV with a header, -q -x XML). Replays
// the recorded outputs and damaged copies of data/nvidia-smi in CTest.

#include "app/monitor/NvidiaSmi.h"
#include "app/monitor/NvidiaSmiStream.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)app::NvidiaSmi::parseCsv(input);
    (void)app::NvidiaSmi::parseXml(input);
    // The stream whole, and cut in two at a place the input chooses.
    app::NvidiaSmiStream whole;
    (void)whole.feed(input);
    (void)whole.finish();
    app::NvidiaSmiStream cut;
    const qsizetype at = size > 0 ? qsizetype(data[0]) % qsizetype(size) : 0;
    (void)cut.feed(input.first(at));
    (void)cut.feed(input.sliced(at));
    (void)cut.finish();
    return 0;
}
