#pragma once

#include <QObject>

class LocalStore;
class OpportunityListModel;

// Keeps the source model in step with the LocalStore: loads it once, then applies only the
// records the store says changed, went away or got their server id. What the cache cannot read
// leaves the model as it is; the store reports the failure (LocalStore::readFailed).
class ModelFeeder final : public QObject
{
    Q_OBJECT

public:
    ModelFeeder(LocalStore &store, OpportunityListModel &model, QObject *parent = nullptr);

    void reload();

private:
    void refresh(const QStringList &ids);

    LocalStore &m_store;
    OpportunityListModel &m_model;
};
