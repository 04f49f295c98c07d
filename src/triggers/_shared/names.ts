/** A list built from a record of names: the compiler says when the payload schemas gain or lose a name. */
export const namesOf = <Name extends string>(names: Record<Name, true>) => Object.keys(names) as Name[];
