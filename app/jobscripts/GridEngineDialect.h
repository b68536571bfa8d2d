// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/ScriptDialect.h"

namespace app {

// #$ (Grid Engine): -l lists (h_rt, h_vmem per slot, gpu), CPUs through a parallel environment
// ("-pe smp 4"), arrays with -t.
class GridEngineDialect final : public ScriptDialect
{
public:
    Profile::Scheduler scheduler() const override { return Profile::Scheduler::GridEngine; }
    QString prefix() const override { return QStringLiteral("#$"); }
    QHash<QString, QString> variables() const override;
    QList<FieldSpot> spots(QStringView line) const override;
    std::optional<QString> toCanonical(JobField field, const QString &native) const override;
    std::optional<QString> toNative(JobField field, const QString &canonical) const override;
    QString directiveLine(JobField field, const QString &native) const override;

protected:
    const QSet<QString> &valueFlags() const override;
    const QSet<QString> &bareFlags() const override;
    int valueWords(QStringView flag) const override;
};

} // namespace app
