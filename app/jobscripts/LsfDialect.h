// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/ScriptDialect.h"

namespace app {

// #BSUB (IBM Spectrum LSF): -W in [hours:]minutes, memory per slot in -R "rusage[mem=...]", one node
// as "span[hosts=1]", GPUs in -gpu "num=N", arrays inside the name ("-J train[1-10]").
class LsfDialect final : public ScriptDialect
{
public:
    Profile::Scheduler scheduler() const override { return Profile::Scheduler::Lsf; }
    QString prefix() const override { return QStringLiteral("#BSUB"); }
    QHash<QString, QString> variables() const override;
    QList<FieldSpot> spots(QStringView line) const override;
    std::optional<QString> toCanonical(JobField field, const QString &native) const override;
    std::optional<QString> toNative(JobField field, const QString &canonical) const override;
    FieldInsertion insertion(const QList<std::pair<int, QString>> &directives, JobField field,
                             const QString &native) const override;
    QString directiveLine(JobField field, const QString &native) const override;

protected:
    const QSet<QString> &valueFlags() const override;
    const QSet<QString> &bareFlags() const override;
};

} // namespace app
