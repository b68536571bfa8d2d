// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace app::pbs {

// One object of "qstat -f" output, a job or a queue, as PBS Professional prints it in JSON or
// Torque as text: its id and its attributes in qstat's order. Nested JSON objects become dotted
// names, as the text form has them ("Resource_List.walltime"), so both read alike.
struct PbsRecord
{
    enum class Kind { Job, Queue };

    QString id;
    QList<std::pair<QString, QString>> attributes;

    // The attribute's value; empty when it is not there.
    QString value(QStringView name) const;
    bool has(QStringView name) const;
    // One variable of Variable_List ("PBS_O_WORKDIR"): JSON's object, or the text's
    // "A=b,C=d" with "\," for a comma inside a value.
    QString variable(QStringView name) const;

    // Every record in the output. JSON: {"pbs_version": .., "Jobs"|"Queue": {id: {..}}} (no such
    // member: none); text: blocks headed "Job Id: X" or "Queue: X". Empty output: none.
    static sshcore::Result<QList<PbsRecord>> read(QByteArrayView output, Kind kind);
};

} // namespace app::pbs
