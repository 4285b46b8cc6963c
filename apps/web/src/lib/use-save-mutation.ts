import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/** The query keys of a kind of thing: one per thing, and the prefix of every list of them. */
export interface EntityKeys {
  detail: (id: string) => QueryKey;
  lists: () => QueryKey;
}

/** A write answered with the saved thing: it becomes that thing's cached detail, and every list of them refetches. */
export function useSaveMutation<TVariables, TSaved extends { id: string }>(
  mutationFn: (variables: TVariables) => Promise<TSaved>,
  keys: EntityKeys,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });
}
