/** Workload (managers, admins): each agent's open tickets, availability and oldest waiting ticket. */
export {};
