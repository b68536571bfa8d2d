// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/ScriptDialect.h"

namespace app {

// #SBATCH: sbatch's long and short options; GPUs from --gpus/-G or the gpu entry of --gres.
class SlurmDialect final : public ScriptDialect
{
public:
    Profile::Scheduler scheduler() const override { return Profile::Scheduler::Slurm; }
    QString prefix() const override { return QStringLiteral("#SBATCH"); }
    QHash<QString, QString> variables() const override;
    QList<FieldSpot> spots(QStringView line) const override;
    QString directiveLine(JobField field, const QString &native) const override;

protected:
    const QSet<QString> &valueFlags() const override;
    const QSet<QString> &bareFlags() const override;
};

} // namespace app
