// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/ScriptDialect.h"

namespace app {

// #PBS (PBS Professional, OpenPBS and Torque): resources in -l lists, "select=N:ncpus=..:mem=..:ngpus=.."
// chunks (or Torque's "nodes=N:ppn=C"), walltime in hours:minutes:seconds or seconds.
class PbsDialect final : public ScriptDialect
{
public:
    Profile::Scheduler scheduler() const override { return Profile::Scheduler::Pbs; }
    QString prefix() const override { return QStringLiteral("#PBS"); }
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
